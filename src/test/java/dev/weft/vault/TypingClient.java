package dev.weft.vault;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The process {@link KilledClientTest} kills. Opens the note in {@code args[0]} and, until killed,
 * types and deletes, renames now and then, "sends" (marks a prefix of the unsent ops sent),
 * acknowledges part of what it sent in this run, and applies the next ops of {@link RemoteScript}
 * followed by their "current to". Before each action it prints what it is about to do
 * ({@code EDIT}, {@code SENDING n}, {@code ACKING n}, {@code REMOTING from to}); after the action
 * returned it prints the outcome ({@code APPENDED} with every op, {@code SENT n}, {@code ACKED n},
 * {@code REMOTE to}). Compaction steps print {@code STEP name}.
 */
public final class TypingClient {
    private static final String[] TYPED = {"a", "b", "c", "e", "t", " ", "\n", "é", "😀", "xyz", "#"};

    private TypingClient() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        VaultPaths paths = new VaultPaths(Path.of(args[0]));
        Random random = new Random(Long.parseLong(args[1]));
        ReplicaOptions options = TestReplicas.options(1, random.nextLong()).withCompactAtBytes(Long.parseLong(args[2]));
        NoteReplica r = NoteReplica.open(paths, TestReplicas.DOC, options, step -> say(out, "STEP " + step));
        RecordLog log = r.log();
        say(out, "OPEN " + log.lastSeq());
        long delivered = 0;
        while (true) {
            int choice = random.nextInt(100);
            if (choice < 55) {
                edit(r, random, out);
            } else if (choice < 70) {
                List<LocalOp> unsent = log.unsent();
                if (!unsent.isEmpty()) {
                    long n = unsent.get(random.nextInt(unsent.size())).seq();
                    say(out, "SENDING " + n);
                    log.markSent(n);
                    delivered = n;
                    say(out, "SENT " + n);
                }
            } else if (choice < 80) {
                long acked = log.acknowledgedThrough();
                if (delivered > acked) {
                    long n = acked + 1 + random.nextInt((int) (delivered - acked));
                    say(out, "ACKING " + n);
                    log.acknowledge(n);
                    say(out, "ACKED " + n);
                }
            } else {
                int from = (int) log.syncTime();
                int to = Math.min(RemoteScript.OPS.size(), from + 1 + random.nextInt(8));
                if (from < to) {
                    say(out, "REMOTING " + from + " " + to);
                    List<Atom> inserts = new ArrayList<>();
                    List<Pid> deletes = new ArrayList<>();
                    for (RemoteScript.Op op : RemoteScript.OPS.subList(from, to)) {
                        if (op.isInsert()) {
                            inserts.add(new Atom(op.pid(), op.codePoint()));
                        } else {
                            deletes.add(op.pid());
                        }
                    }
                    r.applyRemote(inserts, deletes);
                    log.currentTo(to);
                    say(out, "REMOTE " + to);
                }
            }
        }
    }

    private static void edit(NoteReplica r, Random random, PrintStream out) throws IOException {
        int length = r.length();
        List<LocalOp> ops;
        if (random.nextInt(100) == 0) {
            say(out, "EDIT R 1");
            ops = List.of(r.rename("kill/note " + random.nextInt(1000)));
        } else if (length == 0 || (length < 3000 && random.nextInt(10) < 6)) {
            String text = TYPED[random.nextInt(TYPED.length)];
            say(out, "EDIT I " + text.codePointCount(0, text.length()));
            ops = r.insert(random.nextInt(length + 1), text);
        } else {
            int count = Math.min(length, 1 + random.nextInt(3));
            say(out, "EDIT D " + count);
            ops = r.delete(random.nextInt(length - count + 1), count);
        }
        StringJoiner line = new StringJoiner(" ", "APPENDED ", "");
        for (LocalOp op : ops) {
            line.add(KilledClientTest.encode(op));
        }
        say(out, line.toString());
    }

    private static void say(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }
}
