package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Every valid message, alone or batched, survives encode then decode unchanged. */
class RoundTripPropertyTest {
    private final MessageCodec codec = new MessageCodec();

    @Property(tries = 3000)
    void everyMessageTypeRoundTrips(@ForAll("messages") Message message) throws ProtocolException {
        Statistics.collect(message.type());
        assertThat(codec.decodeFrame(codec.encode(message))).containsExactly(message);

        Statistics.coverage(coverage -> {
            for (int type : MessageArbitraries.TYPES) {
                coverage.check(type).count(count -> count > 0);
            }
        });
    }

    @Property(tries = 500)
    void framesOfSeveralMessagesRoundTripInOrder(@ForAll("frames") List<Message> frame) throws ProtocolException {
        byte[] bytes = codec.encode(frame);
        assertThat(codec.decodeFrame(bytes)).containsExactlyElementsOf(frame);
        assertThat(codec.decodeFrame(ByteBuffer.wrap(bytes))).containsExactlyElementsOf(frame);
    }

    @Property(tries = 500)
    void encodingIsCanonical(@ForAll("frames") List<Message> frame) throws ProtocolException {
        byte[] bytes = codec.encode(frame);
        assertThat(codec.encode(codec.decodeFrame(bytes))).isEqualTo(bytes);
    }

    @Provide
    Arbitrary<Message> messages() {
        return MessageArbitraries.messages();
    }

    @Provide
    Arbitrary<List<Message>> frames() {
        return MessageArbitraries.messages().list().ofMinSize(1).ofMaxSize(8);
    }
}
