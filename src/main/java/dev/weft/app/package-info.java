/**
 * The program's front door: {@link dev.weft.app.Main} parses the command line once into an
 * immutable {@code Command} and runs it, wiring the other packages together.
 *
 * <p>Owns the command line, default places (vault, server data) and the exit codes. It is the
 * only package that may import every other one ({@code ui}, {@code server}, {@code client},
 * {@code store}, {@code vault}, {@code protocol}, {@code crdt}); no package may import it.
 */
package dev.weft.app;
