package dev.weft.vault;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.crdt.SequenceDoc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of a note's files under SIGKILL: a child JVM ({@link TypingClient}) types, sends,
 * acknowledges, pulls and compacts (every 16 KiB) and is killed after a random number of edits, 25
 * times (every sixth instead at a random moment of its start, maybe while it replays). The parent keeps a model from the lines the child
 * printed, with its own implementation of the net-op rule, and a "server" that received what the
 * child printed as sent. After each kill it reopens the note and requires exactly the model: the
 * same text (every edit whose append returned is there), the same pending ops, marks, sync time and
 * name, where the only allowed difference is the one action the child had announced and not
 * confirmed (it may or may not have reached the file, wholly). At the end the note syncs with the
 * server: both show the same text, and sending its pending ops twice changes nothing.
 */
@Tag("slow")
class KilledClientTest {
    private static final int KILLS = 25;
    private static final long COMPACT_AT = 16 * 1024;

    @TempDir
    Path vault;

    /** The parent's view of the replica, built from the child's lines with its own net-op rule. */
    private static final class Model {
        final SequenceDoc doc = new SequenceDoc(3, new SplittableRandom(0));
        final TreeMap<Long, LocalOp> pending = new TreeMap<>();
        final SequenceDoc server = new SequenceDoc(4, new SplittableRandom(0));
        long lastSeq;
        long sent;
        long acked;
        long syncTime;
        String name;

        Model() {
            RemoteScript.applyTo(server, 0, RemoteScript.OPS.size());
        }

        void local(LocalOp op) {
            lastSeq = Math.max(lastSeq, op.seq());
            if (op instanceof LocalOp.Insert i) {
                doc.merge(i.atom().pid(), i.atom().codePoint());
                pending.put(op.seq(), op);
            } else if (op instanceof LocalOp.Delete d) {
                doc.mergeDelete(d.pid());
                LocalOp insert = pending.values().stream().filter(p -> p instanceof LocalOp.Insert i
                        && i.atom().pid().equals(d.pid())).findFirst().orElse(null);
                if (insert != null && insert.seq() > sent) {
                    pending.remove(insert.seq());
                } else {
                    pending.put(op.seq(), op);
                }
            } else {
                pending.values().removeIf(p -> p instanceof LocalOp.Rename);
                pending.put(op.seq(), op);
                name = ((LocalOp.Rename) op).name();
            }
        }

        /** The child handed every pending op up to {@code n} to the network: the server has them. */
        void sent(long n) {
            sent = Math.max(sent, n);
            for (LocalOp op : pending.headMap(n, true).values()) {
                deliver(server, op);
            }
        }

        void acked(long n) {
            acked = Math.max(acked, n);
            sent = Math.max(sent, n);
            pending.headMap(n, true).clear();
        }

        void remote(int to) {
            RemoteScript.applyTo(doc, (int) syncTime, to);
            syncTime = to;
        }
    }

    static void deliver(SequenceDoc server, LocalOp op) {
        if (op instanceof LocalOp.Insert i) {
            server.merge(i.atom().pid(), i.atom().codePoint());
        } else if (op instanceof LocalOp.Delete d) {
            server.mergeDelete(d.pid());
        }
    }

    @Test
    void killedAtRandomMomentsTheNoteLosesNothingAndDoublesNothing() throws Exception {
        Random random = new Random(20261125);
        Model model = new Model();
        int killedWhileTyping = 0;
        int killedInCompaction = 0;
        int inFlight = 0;
        for (int round = 0; round < KILLS; round++) {
            List<String> lines = runAndKill(round, round % 6 == 5, random);
            if (lines.stream().anyMatch(l -> l.startsWith("APPENDED"))) {
                killedWhileTyping++;
            }
            if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("STEP ")) {
                killedInCompaction++;
            }
            try {
                inFlight += verify(model, lines) ? 1 : 0;
            } catch (AssertionError e) {
                throw new AssertionError("round " + round + " (" + lines.size() + " lines, last "
                        + (lines.isEmpty() ? "-" : lines.get(lines.size() - 1)) + "): " + e.getMessage(), e);
            }
        }
        System.out.printf("KilledClientTest: %d kills, %d while typing, %d inside a compaction, %d with an"
                + " announced action on disk but unconfirmed; note: %d atoms, %d pending%n", KILLS,
                killedWhileTyping, killedInCompaction, inFlight, model.doc.atomCount(), model.pending.size());
        assertThat(killedWhileTyping).as("kills that landed while the child typed").isGreaterThanOrEqualTo(20);
        finalSync(model);
    }

    /** Starts the child, kills it after a random number of edits (early: maybe before it opened), returns its whole lines. */
    private List<String> runAndKill(int round, boolean early, Random random) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), TypingClient.class.getName(), vault.toString(),
                Long.toString(round * 7919L + 1), Long.toString(COMPACT_AT))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(child.getInputStream(), out));
        reader.start();
        if (early) {
            Thread.sleep(random.nextInt(300));
        } else {
            // a random amount of typing, however fast the machine makes it
            int appends = 1 + random.nextInt(60);
            eventually("the child appended " + appends + " edits or died", () -> !child.isAlive()
                    || text(out).lines().filter(line -> line.startsWith("APPENDED")).count() >= appends);
            assertThat(child.isAlive()).as("the child runs").isTrue();
        }
        // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the
        // child's stdout and drop the lines it wrote just before the signal landed
        child.toHandle().destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join();
        String text = text(out);
        String whole = text.substring(0, text.lastIndexOf('\n') + 1);
        return whole.isEmpty() ? List.of() : Arrays.asList(whole.split("\n"));
    }

    /**
     * Folds the child's lines into the model, reopens the note and compares. Returns whether the
     * child's last announced action had reached the file.
     */
    private boolean verify(Model model, List<String> lines) throws IOException {
        String announced = null;
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "APPENDED" -> {
                    for (int i = 1; i < f.length; i++) {
                        model.local(decode(f[i]));
                    }
                }
                case "SENT" -> model.sent(Long.parseLong(f[1]));
                case "ACKED" -> model.acked(Long.parseLong(f[1]));
                case "REMOTE" -> model.remote(Integer.parseInt(f[1]));
                default -> {
                }
            }
            if (f[0].equals("EDIT") || f[0].endsWith("ING")) {
                announced = line;
            } else if (!f[0].equals("STEP") && !f[0].equals("OPEN")) {
                announced = null;
            }
        }
        try (NoteReplica r = TestReplicas.open(vault, TestReplicas.options(1, 1))) {
            assertThat(r.recovery().corruptInTheMiddle()).as("a kill never corrupts the middle").isFalse();
            boolean landed = announced != null && adopt(model, r, announced);
            RecordLog log = r.log();
            assertThat(r.text()).as("text after %s", announced).satisfies(text -> sameText(text, model.doc.text()));
            assertThat(log.pending()).as("pending after %s", announced).containsExactlyElementsOf(model.pending.values());
            assertThat(log.lastSeq()).isEqualTo(model.lastSeq);
            assertThat(log.sentThrough()).isEqualTo(model.sent);
            assertThat(log.acknowledgedThrough()).isEqualTo(model.acked);
            assertThat(log.syncTime()).as("the time matches the atoms held").isEqualTo(model.syncTime);
            for (RemoteScript.Op op : RemoteScript.OPS.subList(0, (int) model.syncTime)) {
                assertThat(r.contains(op.pid())).isTrue();
            }
            assertThat(r.name().orElse(null)).isEqualTo(pendingOrRemoteName(model));
            return landed;
        }
    }

    /**
     * The announced action may have reached the file (wholly: one write) without its confirmation:
     * takes it into the model if the reopened replica shows it, within what was announced.
     */
    private static boolean adopt(Model model, NoteReplica r, String announced) {
        String[] f = announced.split(" ");
        RecordLog log = r.log();
        switch (f[0]) {
            case "SENDING" -> {
                if (log.sentThrough() == Long.parseLong(f[1]) && log.sentThrough() > model.sent) {
                    model.sent = log.sentThrough();  // marked but never handed over: resent as pending
                    return true;
                }
            }
            case "ACKING" -> {
                if (log.acknowledgedThrough() == Long.parseLong(f[1]) && log.acknowledgedThrough() > model.acked) {
                    model.acked(log.acknowledgedThrough());
                    return true;
                }
            }
            case "REMOTING" -> {
                int from = Integer.parseInt(f[1]);
                int to = Integer.parseInt(f[2]);
                boolean applied = RemoteScript.OPS.subList(from, to).stream().allMatch(op -> r.contains(op.pid())
                        && (op.isInsert() || r.indexOf(op.pid()) < 0));
                if (applied) {
                    RemoteScript.applyTo(model.doc, from, to);
                }
                if (log.syncTime() == to) {
                    model.syncTime = to;
                }
                return applied;
            }
            case "EDIT" -> {
                int announcedOps = Integer.parseInt(f[2]);
                int adopted = 0;
                for (LocalOp op : log.pending()) {
                    if (op.seq() > model.lastSeq) {
                        model.local(op);
                        adopted++;
                    }
                }
                // an unsent insert deleted by the unconfirmed edit left the pending set with its delete;
                // the replica still knows its pid (a tombstone): a lost insert would not be known
                if (f[1].equals("D")) {
                    for (LocalOp op : new ArrayList<>(model.pending.values())) {
                        if (op instanceof LocalOp.Insert i && op.seq() > model.sent && r.contains(i.atom().pid())
                                && r.indexOf(i.atom().pid()) < 0) {
                            model.pending.remove(op.seq());
                            model.doc.mergeDelete(i.atom().pid());
                            adopted++;
                        }
                    }
                }
                assertThat(adopted).as("ops of %s", announced).isLessThanOrEqualTo(announcedOps);
                model.lastSeq = Math.max(model.lastSeq, log.lastSeq());
                return adopted > 0;
            }
            default -> {
            }
        }
        return false;
    }

    /** The pending rename's name, else the last rename's (acknowledged, so the known name), else none. */
    private static String pendingOrRemoteName(Model model) {
        return model.pending.values().stream().filter(op -> op instanceof LocalOp.Rename)
                .map(op -> ((LocalOp.Rename) op).name()).findFirst().orElse(model.name);
    }

    /** Sends what is pending, pulls the rest of the script: the note and the server agree, and a resend is harmless. */
    private void finalSync(Model model) throws IOException {
        try (NoteReplica r = TestReplicas.open(vault, TestReplicas.options(1, 2))) {
            RecordLog log = r.log();
            List<LocalOp> pending = log.pending();
            for (LocalOp op : pending) {
                deliver(model.server, op);
            }
            if (log.lastSeq() > 0) {
                log.markSent(log.lastSeq());
                log.acknowledge(log.lastSeq());
            }
            int from = (int) log.syncTime();
            for (RemoteScript.Op op : RemoteScript.OPS.subList(from, RemoteScript.OPS.size())) {
                if (op.isInsert()) {
                    r.applyRemoteInsert(new Atom(op.pid(), op.codePoint()));
                } else {
                    r.applyRemoteDelete(op.pid());
                }
            }
            log.currentTo(RemoteScript.OPS.size());
            assertThat(log.pending()).isEmpty();
            String serverText = model.server.text();
            assertThat(r.text()).as("device and server agree after sync").isEqualTo(serverText);
            for (LocalOp op : pending) {
                deliver(model.server, op);
            }
            assertThat(model.server.text()).as("sending the pending ops again doubles nothing").isEqualTo(serverText);
            SequenceDoc secondDevice = model.server.copy(5, new SplittableRandom(5));
            assertThat(secondDevice.text()).isEqualTo(r.text());
        }
        try (NoteReplica r = TestReplicas.open(vault, TestReplicas.options(1, 3))) {
            assertThat(r.log().pending()).isEmpty();
            assertThat(r.text()).isEqualTo(model.server.text());
        }
    }

    /** Fails with the lengths and the first differing position, not two pages of text. */
    private static void sameText(String actual, String expected) {
        if (!actual.equals(expected)) {
            int at = 0;
            while (at < Math.min(actual.length(), expected.length()) && actual.charAt(at) == expected.charAt(at)) {
                at++;
            }
            throw new AssertionError("replica has " + actual.length() + " chars, model " + expected.length()
                    + "; first difference at " + at + ": replica '"
                    + actual.substring(at, Math.min(actual.length(), at + 20)) + "', model '"
                    + expected.substring(at, Math.min(expected.length(), at + 20)) + "'");
        }
    }

    /** {@code seq:micros:I:pid:cp}, {@code seq:micros:D:pid} or {@code seq:micros:R:hex(name)}. */
    static String encode(LocalOp op) {
        StringJoiner s = new StringJoiner(":").add(Long.toString(op.seq())).add(Long.toString(op.micros()));
        if (op instanceof LocalOp.Insert i) {
            s.add("I").add(encode(i.atom().pid())).add(Integer.toString(i.atom().codePoint()));
        } else if (op instanceof LocalOp.Delete d) {
            s.add("D").add(encode(d.pid()));
        } else {
            s.add("R").add(HexFormat.of().formatHex(((LocalOp.Rename) op).name().getBytes(StandardCharsets.UTF_8)));
        }
        return s.toString();
    }

    static LocalOp decode(String text) {
        String[] f = text.split(":");
        long seq = Long.parseLong(f[0]);
        long micros = Long.parseLong(f[1]);
        return switch (f[2]) {
            case "I" -> new LocalOp.Insert(seq, micros, new Atom(decodePid(f[3]), Integer.parseInt(f[4])));
            case "D" -> new LocalOp.Delete(seq, micros, decodePid(f[3]));
            default -> new LocalOp.Rename(seq, micros, new String(HexFormat.of().parseHex(f[3]), StandardCharsets.UTF_8));
        };
    }

    private static String encode(Pid pid) {
        StringJoiner s = new StringJoiner(".");
        for (int i = 0; i < pid.depth(); i++) {
            s.add(Long.toHexString(pid.keyAt(i)));
        }
        return s.toString();
    }

    private static Pid decodePid(String text) {
        return Pid.of(Arrays.stream(text.split("\\.")).mapToLong(k -> Long.parseLong(k, 16)).toArray());
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0;) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the child was killed: what it printed so far is in out
        }
    }
}
