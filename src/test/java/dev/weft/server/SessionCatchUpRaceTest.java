package dev.weft.server;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Pid;
import dev.weft.protocol.Limits;
import dev.weft.protocol.Message;
import dev.weft.protocol.SessionAck;
import dev.weft.protocol.SessionInsert;
import dev.weft.protocol.SessionReady;
import dev.weft.protocol.SessionStart;
import dev.weft.protocol.SyncDocResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions that start while others write: every op committed after a joiner's catch-up read must
 * reach it as a forward, so each joiner ends with every atom, none lost in between.
 */
class SessionCatchUpRaceTest {
    /**
     * Inserts a writer has sent that the server has not acknowledged yet, at most twice this: writes
     * go on while every joiner catches up, at the pace the server commits them. Unpaced writers sent
     * ~550,000 atoms while the joiners connected, which took minutes on a busy machine and could keep
     * the next writer's session from starting within 60 s.
     */
    private static final int IN_FLIGHT = 20;

    @TempDir
    Path data;

    @Test
    void noOpFallsBetweenCatchUpAndForwarding() throws Exception {
        UUID doc = UUID.randomUUID();
        try (WeftServer server = WeftServer.start(new ServerConfig("127.0.0.1", 0, data,
                new ServerConfig.TlsSetting.None(), Limits.DEFAULT), ServerLog.silent())) {
            List<TestDevice> writers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                writers.add(TestDevice.pair(server.pairingLink(), "writer " + i));
            }
            TestDevice watcher = TestDevice.pair(server.pairingLink(), "watcher");
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger inserts = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            List<Integer> sent = new ArrayList<>();
            for (TestDevice w : writers) {
                TestDevice.Connection c = w.connect();
                c.send(new SessionStart(0, doc));
                c.until(m -> m instanceof SessionReady);
                Thread t = new Thread(() -> {
                    int n = 0;
                    while (writing.get()) {
                        n++;
                        c.send(new SessionInsert(w.site, new dev.weft.crdt.Atom(Pid.single(w.site, n), 'x')));
                        inserts.incrementAndGet();
                        if (n % IN_FLIGHT == 0) {
                            try {
                                long acked = n - IN_FLIGHT;
                                c.until(m -> m instanceof SessionAck a && a.applied() >= acked);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                    synchronized (sent) {
                        sent.add(n);
                    }
                    try {
                        long n0 = n;
                        c.until(m -> m instanceof SessionAck a && a.applied() >= n0);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                threads.add(t);
            }
            List<TestDevice.Connection> joiners = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                TestDevice.Connection j = watcher.connect();
                j.send(new SessionStart(0, doc));
                joiners.add(j);
                int before = inserts.get();
                eventually("more inserts before the next joiner", () -> inserts.get() >= before + 200);
            }
            writing.set(false);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            int total = sent.stream().mapToInt(Integer::intValue).sum();
            for (TestDevice.Connection j : joiners) {
                Set<Pid> seen = new HashSet<>();
                eventually(() -> {
                    for (Message m; (m = j.received.poll()) != null; ) {
                        if (m instanceof SyncDocResponse r) {
                            r.inserts().forEach(a -> seen.add(a.pid()));
                        } else if (m instanceof SessionInsert ins) {
                            seen.add(ins.atom().pid());
                        }
                    }
                    assertThat(seen).as("atoms a joiner got by catch-up or forward").hasSize(total);
                });
            }
        }
    }
}
