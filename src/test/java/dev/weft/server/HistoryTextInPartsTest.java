package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.HistoryPull;
import dev.weft.protocol.HistoryText;
import dev.weft.protocol.HistoryTextPart;
import dev.weft.protocol.HistoryTextParts;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.SyncDocUpsert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history text over the frame limit (docs/protocol.md §10) from a real server: {@code 43}s and a
 * last {@code 41}, every frame within the limit, joined into the text. The limit is 256 KiB here so
 * that the text stays small; {@code HistoryTextPartsTest} splits one of 22 MB at 16 MiB.
 */
class HistoryTextInPartsTest {
    private static final int LIMIT = 256 << 10;
    private static final UUID DOC = new UUID(16, 41);
    @TempDir
    Path data;

    @Test
    void aBigTextComesInPartsEachWithinTheLimit() throws Exception {
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data,
                new ServerConfig.TlsSetting.SelfSigned(), Limits.DEFAULT.withMaxMessageBytes(LIMIT)), ServerLog.silent())) {
            TestDevice laptop = TestDevice.pair(server.pairingLink(), "laptop");
            TestDevice phone = TestDevice.pair(server.pairingLink(), "phone");
            String line = "héllo wörld \uD83D\uDE00\n";
            String half = line.repeat(12_000); // 168,000 code points, 228,000 bytes each: 1.7 limits in all
            long last = write(laptop, 1, half);
            last = Math.max(last, write(phone, 1_000_000, half));

            TestDevice.Connection c = phone.connect();
            c.send(new HistoryPull(DOC, last));
            List<Message> answer = c.until(m -> m instanceof HistoryText);
            HistoryTextParts.Joiner joiner = new HistoryTextParts.Joiner();
            Optional<HistoryText> whole = Optional.empty();
            for (Message m : answer) {
                whole = joiner.add(m);
            }
            assertThat(answer.stream().filter(HistoryTextPart.class::isInstance).count()).isGreaterThanOrEqualTo(1);
            assertThat(c.frames).allSatisfy(frame -> assertThat(frame.length).isLessThanOrEqualTo(LIMIT));
            assertThat(whole.orElseThrow().text()).isEqualTo(half + half);
            assertThat(whole.get().authors().stream().map(HistoryText.Author::device).distinct())
                    .containsExactly("laptop", "phone");
        }
    }

    /** Upserts {@code text} from {@code device} in frames within the limit; returns the last sync time. */
    private static long write(TestDevice device, long firstIdent, String text) throws Exception {
        TestDevice.Connection c = device.connect();
        int[] points = text.codePoints().toArray();
        long time = 0;
        for (int from = 0; from < points.length; from += 15_000) {
            List<Atom> atoms = new ArrayList<>();
            for (int i = from; i < Math.min(points.length, from + 15_000); i++) {
                atoms.add(new Atom(Pid.single(device.site, firstIdent + i), points[i]));
            }
            c.send(new SyncDocUpsert(DOC, "big", time, atoms, List.of()));
            time = c.done().syncTime();
        }
        c.close();
        return time;
    }
}
