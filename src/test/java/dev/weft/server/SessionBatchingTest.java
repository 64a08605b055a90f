package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.NameChange;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ops of several sessions that wait for the writer together are applied in one write
 * ({@link OpBatch}); each session must still see its own acks count its messages in the order it
 * sent them, renames included, and the others' ops in the order they were sent.
 */
class SessionBatchingTest {
    @TempDir
    Path data;

    private static final int EACH = 400;

    @Test
    void batchedOpsAreAcknowledgedCountedAndForwardedInTheOrderSent() throws Exception {
        UUID doc = UUID.randomUUID();
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data,
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), ServerLog.silent())) {
            TestDevice a = TestDevice.pair(server.pairingLink(), "a");
            TestDevice b = TestDevice.pair(server.pairingLink(), "b");
            TestDevice.Connection sa = a.connect();
            sa.send(new SessionStart(0, doc));
            sa.until(m -> m instanceof SessionReady);
            TestDevice.Connection sb = b.connect();
            sb.send(new SessionStart(0, doc));
            sb.until(m -> m instanceof SessionReady);

            Thread writerB = new Thread(() -> {
                for (int i = 1; i <= EACH; i++) {
                    sb.send(new SessionInsert(b.site, new Atom(Pid.single(b.site, i), 'b')));
                }
            });
            writerB.start();
            for (int i = 1; i <= EACH; i++) {
                sa.send(new SessionInsert(a.site, new Atom(Pid.single(a.site, i), 'a')));
                if (i == EACH / 2) {
                    sa.send(new NameChange("renamed halfway"));
                }
            }
            writerB.join(TimeUnit.SECONDS.toMillis(60));

            List<Message> atA = sa.until(m -> m instanceof SessionAck ack && ack.applied() == EACH + 1);
            List<Message> atB = sb.until(m -> m instanceof SessionAck ack && ack.applied() == EACH);
            // drain what is left of the other side's forwards
            atA = all(atA, sa, b.site, EACH);
            atB = all(atB, sb, a.site, EACH);

            assertThat(acks(atA)).as("a's acks never go back").isSorted().last().isEqualTo((long) EACH + 1);
            assertThat(acks(atB)).isSorted().last().isEqualTo((long) EACH);
            assertThat(idents(atA, b.site)).as("b's ops at a, in the order b sent them").isEqualTo(range(EACH));
            List<Object> atBFromA = new ArrayList<>();
            for (Message m : atB) {
                if (m instanceof SessionInsert i && i.site() == a.site) {
                    atBFromA.add(i.atom().pid().identAt(0));
                } else if (m instanceof NameChange n) {
                    atBFromA.add(n.name());
                }
            }
            List<Object> expected = new ArrayList<>(range(EACH / 2));
            expected.add("renamed halfway");
            expected.addAll(range(EACH).subList(EACH / 2, EACH));
            assertThat(atBFromA).as("a's ops and rename at b, in the order a sent them").isEqualTo(expected);

            TestDevice.Connection late = b.connect();
            late.send(new SessionStart(0, doc));
            List<Message> catchUp = late.until(m -> m instanceof SessionReady);
            long atoms = catchUp.stream().filter(m -> m instanceof SyncDocResponse)
                    .mapToLong(m -> ((SyncDocResponse) m).inserts().size()).sum();
            assertThat(atoms).isEqualTo(2L * EACH);
        }
    }

    /** {@code got}, then more from {@code c} until {@code n} inserts of {@code site} have come. */
    private static List<Message> all(List<Message> got, TestDevice.Connection c, int site, int n)
            throws InterruptedException {
        List<Message> out = new ArrayList<>(got);
        while (idents(out, site).size() < n) {
            out.add(c.next());
        }
        return out;
    }

    private static List<Long> acks(List<Message> messages) {
        List<Long> out = new ArrayList<>();
        for (Message m : messages) {
            if (m instanceof SessionAck ack) {
                out.add(ack.applied());
            }
        }
        return out;
    }

    private static List<Long> idents(List<Message> messages, int site) {
        List<Long> out = new ArrayList<>();
        for (Message m : messages) {
            if (m instanceof SessionInsert i && i.site() == site) {
                out.add(i.atom().pid().identAt(0));
            }
        }
        return out;
    }

    private static List<Long> range(int n) {
        List<Long> out = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            out.add(i);
        }
        return out;
    }
}
