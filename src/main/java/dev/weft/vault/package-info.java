/**
 * The files of a vault on a device (docs/protocol.md §6): the {@link dev.weft.vault.Vault} itself (a
 * folder of {@code .md} notes kept in step with their replicas, listed from {@code .weft/index};
 * docs/vault.md), where the files live ({@link dev.weft.vault.VaultPaths}),
 * a note's persistent replica ({@link dev.weft.vault.NoteReplica}: the {@code .md.structure} file
 * plus the {@link dev.weft.vault.RecordLog} {@code .md.latest_ops} replayed on top), the net-op rule
 * that decides which local ops are still to be sent, and the device's own state
 * ({@link dev.weft.vault.DeviceStateFile}). The record layout and its crash rules are in
 * {@code docs/record-log.md}.
 *
 * <p>The sync engine ({@code dev.weft.client}) drives a replica through its log: it takes what to
 * send and marks it sent in one step with {@link dev.weft.vault.RecordLog#takeToSend(boolean)}, trims with
 * {@link dev.weft.vault.RecordLog#acknowledge(long)} and records pulls with
 * {@link dev.weft.vault.RecordLog#currentTo(long)}.
 *
 * <p>May import the JDK, {@code dev.weft.crdt}, and from {@code dev.weft.protocol} only the byte and
 * name formats {@code StructureFile} (with {@code CorruptStructureException}) and
 * {@code NoteNames}; never a socket, the message codec, the server, the store or the UI.
 */
package dev.weft.vault;
