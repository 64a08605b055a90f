package dev.weft.protocol;

/**
 * {@code 69 session_ack} (extension): ops of this connection durably applied.
 *
 * @param applied how many of this connection's {@code 65}/{@code 66}/{@code 67} are applied (u64, unsigned)
 * @param syncTime the document's time after that commit (u64, unsigned)
 */
public record SessionAck(long applied, long syncTime) implements Message {
    public static final int TYPE = 69;

    @Override
    public int type() {
        return TYPE;
    }
}
