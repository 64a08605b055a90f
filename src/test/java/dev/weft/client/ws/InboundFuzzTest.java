package dev.weft.client.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * The frame parser against seeded garbage and mutated valid streams: it must either produce
 * events or fail cleanly, with a {@link CloseException} (a close code) or an {@link EOFException};
 * never another exception, never a huge allocation.
 */
class InboundFuzzTest {
    private static final int MAX = 1 << 16;

    /** A valid stream of server frames: data messages (some fragmented, some compressed) and control frames. */
    static byte[] validStream(SplittableRandom random, boolean deflate, List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(6, true);
        int count = 1 + random.nextInt(6);
        for (int m = 0; m < count; m++) {
            byte[] message = random.nextBoolean() ? WebSocketClientTest.prose(random.nextInt(3000), random.nextLong())
                    : WebSocketClientTest.noise(random.nextInt(300), random.nextLong());
            messages.add(message);
            boolean compress = deflate && random.nextBoolean() && message.length > 0;
            byte[] payload = compress ? WebSocketClientTest.deflate(message, deflater) : message;
            int fragments = 1 + random.nextInt(3);
            int at = 0;
            for (int f = 0; f < fragments; f++) {
                int end = f == fragments - 1 ? payload.length : at + random.nextInt(payload.length - at + 1);
                byte[] part = java.util.Arrays.copyOfRange(payload, at, end);
                out.writeBytes(RawServer.frame(f == fragments - 1, compress && f == 0, f == 0 ? Inbound.BINARY : Inbound.CONTINUATION, part));
                at = end;
                if (random.nextInt(4) == 0) {
                    out.writeBytes(RawServer.frame(true, false, Inbound.PING, new byte[random.nextInt(10)]));
                }
            }
        }
        out.writeBytes(RawServer.frame(true, false, Inbound.CLOSE, new byte[] {0x03, (byte) 0xe8, 'o', 'k'}));
        return out.toByteArray();
    }

    static List<Inbound.Event> parse(byte[] stream, boolean deflate) throws IOException {
        PerMessageDeflate pmd = deflate ? new PerMessageDeflate(new PerMessageDeflate.Params(false, false, 15, 15), 6) : null;
        Inbound inbound = new Inbound(new ByteArrayInputStream(stream), pmd, MAX);
        List<Inbound.Event> events = new ArrayList<>();
        while (true) {
            Inbound.Event e = inbound.next();
            events.add(e);
            if (e instanceof Inbound.Close) {
                return events;
            }
        }
    }

    @Test
    void validStreamsParseToTheirMessages() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 300; i++) {
            boolean deflate = random.nextBoolean();
            List<byte[]> messages = new ArrayList<>();
            byte[] stream = validStream(random, deflate, messages);
            List<byte[]> got = new ArrayList<>();
            for (Inbound.Event e : parse(stream, deflate)) {
                if (e instanceof Inbound.Data d) {
                    got.add(d.bytes());
                }
            }
            assertThat(got).hasSize(messages.size());
            for (int m = 0; m < got.size(); m++) {
                assertThat(got.get(m)).isEqualTo(messages.get(m));
            }
        }
    }

    @Test
    void mutatedAndRandomStreamsFailOnlyCleanly() {
        SplittableRandom random = new SplittableRandom(7);
        int clean = 0;
        int failed = 0;
        for (int i = 0; i < 20_000; i++) {
            boolean deflate = random.nextBoolean();
            byte[] stream;
            if (i % 4 == 0) {
                stream = WebSocketClientTest.noise(random.nextInt(200), random.nextLong());
            } else {
                stream = validStream(random, deflate, new ArrayList<>());
                int mutations = 1 + random.nextInt(4);
                for (int k = 0; k < mutations; k++) {
                    int at = random.nextInt(stream.length);
                    switch (random.nextInt(4)) {
                        case 0 -> stream[at] ^= (byte) (1 << random.nextInt(8));
                        case 1 -> stream[at] = (byte) random.nextInt(256);
                        case 2 -> stream = java.util.Arrays.copyOf(stream, at);
                        default -> {
                            // a header byte of a length field set to its maximum
                            stream[at] = (byte) 0xff;
                        }
                    }
                    if (stream.length == 0) {
                        break;
                    }
                }
            }
            try {
                parse(stream, deflate);
                clean++;
            } catch (CloseException | EOFException e) {
                failed++;
                if (e instanceof CloseException c) {
                    assertThat(c.code()).isIn(1002, 1007, 1009);
                }
            } catch (Throwable t) {
                throw new AssertionError("case " + i + ": an unclean failure", t);
            }
        }
        assertThat(failed).isPositive();
        assertThat(clean).isPositive();
    }
}
