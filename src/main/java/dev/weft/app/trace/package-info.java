/**
 * Reading editing traces in the public josephg/editing-traces JSON format, sequential and
 * concurrent, plain or gzip'd, into immutable values ({@link dev.weft.app.trace.EditingTrace}).
 *
 * <p>Owns only the file format: it does not replay traces and must not import the CRDT, the
 * protocol, the server, the client or the UI. It uses Jackson's streaming parser (jackson-core),
 * never databind.
 */
package dev.weft.app.trace;
