package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random upserts from several sites, some repeated, deletes before inserts; after each one, pulls
 * from random times by random sites must match the rule of docs/protocol.md §4 evaluated on a plain
 * model of every atom's insert and delete time.
 */
class PullModelTest {
    private record Times(int codePoint, long inserted, long deleted) {
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void pullsMatchTheRuleOnAModel(long seed) {
        Random random = new Random(seed);
        UUID doc = UUID.randomUUID();
        TreeMap<Pid, Times> model = new TreeMap<>();
        List<Long> times = new ArrayList<>(List.of(0L));
        List<Pid> pids = new ArrayList<>();
        try (Store store = Store.open(dir, new ManualClock(1_000))) {
            for (int step = 0; step < 150; step++) {
                List<Atom> inserts = new ArrayList<>();
                List<Pid> deletes = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    Pid pid = random.nextInt(4) == 0 && !pids.isEmpty() ? pids.get(random.nextInt(pids.size()))
                            : randomPid(random);
                    pids.add(pid);
                    if (random.nextInt(3) == 0) {
                        deletes.add(pid);
                    } else {
                        inserts.add(new Atom(pid, 'a' + random.nextInt(26)));
                    }
                }
                UpsertResult result = store.write(batch -> batch.upsert(doc, "d", inserts, deletes));
                long t = result.document().syncTime();
                boolean changed = applyToModel(model, inserts, deletes, t);
                assertThat(result.changed()).isEqualTo(changed || step == 0);
                if (result.changed()) {
                    times.add(t);
                }
                for (int q = 0; q < 3; q++) {
                    long since = times.get(random.nextInt(times.size()));
                    int site = 1 + random.nextInt(4);
                    DocumentChanges got = store.changesSince(doc, since, site).orElseThrow();
                    assertThat(got.inserts()).isEqualTo(expectedInserts(model, since));
                    assertThat(got.deletes()).isEqualTo(expectedDeletes(model, since, site));
                }
            }
        }
    }

    /**
     * As above with runs: inserts of text typed in one go (one author, one level, a fixed stride,
     * maybe beneath another atom), lone pids that land between a stored run's atoms (it splits), and
     * deletes of stretches; a pull read in small windows brings the same inserts.
     */
    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void pullsOfRunsMatchTheRuleOnAModel(long seed) {
        Random random = new Random(seed);
        UUID doc = UUID.randomUUID();
        TreeMap<Pid, Times> model = new TreeMap<>();
        List<Long> times = new ArrayList<>(List.of(0L));
        List<Pid> pids = new ArrayList<>();
        try (Store store = Store.open(dir, new ManualClock(1_000))) {
            for (int step = 0; step < 120; step++) {
                List<Atom> inserts = new ArrayList<>();
                List<Pid> deletes = new ArrayList<>();
                int kind = random.nextInt(4);
                if (kind <= 1 || pids.isEmpty()) {
                    Pid under = random.nextInt(3) == 0 && !pids.isEmpty() ? pids.get(random.nextInt(pids.size())) : null;
                    int depth = under == null ? 1 : under.depth() + 1;
                    long[] keys = new long[depth];
                    if (under != null) {
                        under.copyKeys(keys, 0);
                    }
                    long ident = random.nextInt(200);
                    long stride = 1 + random.nextInt(3);
                    int site = 1 + random.nextInt(4);
                    for (int i = random.nextInt(40); i >= 0; i--, ident += stride) {
                        keys[depth - 1] = Pid.key(site, ident);
                        inserts.add(new Atom(Pid.of(keys), 'a' + random.nextInt(26)));
                    }
                } else if (kind == 2) {
                    for (int i = 1 + random.nextInt(4); i > 0; i--) {
                        inserts.add(new Atom(randomPid(random), 'A' + random.nextInt(26)));
                    }
                } else {
                    int from = random.nextInt(pids.size());
                    deletes.addAll(pids.subList(from, Math.min(pids.size(), from + 1 + random.nextInt(20))));
                    if (random.nextBoolean()) {
                        deletes.add(randomPid(random)); // maybe before its insert
                    }
                }
                inserts.forEach(a -> pids.add(a.pid()));
                UpsertResult result = store.write(batch -> batch.upsert(doc, "d", inserts, deletes));
                long t = result.document().syncTime();
                boolean changed = applyToModel(model, inserts, deletes, t);
                assertThat(result.changed()).isEqualTo(changed || step == 0);
                if (result.changed()) {
                    times.add(t);
                }
                for (int q = 0; q < 3; q++) {
                    long since = times.get(random.nextInt(times.size()));
                    int site = 1 + random.nextInt(4);
                    DocumentChanges got = store.changesSince(doc, since, site).orElseThrow();
                    assertThat(got.inserts()).isEqualTo(expectedInserts(model, since));
                    assertThat(got.deletes()).isEqualTo(expectedDeletes(model, since, site));
                    assertThat(windowed(store, doc, since, site)).isEqualTo(expectedInserts(model, since));
                }
            }
        }
    }

    /** The inserts of a pull read in windows of a few atoms each. */
    private static List<Atom> windowed(Store store, UUID doc, long since, int site) {
        List<Atom> inserts = new ArrayList<>();
        Pid after = null;
        do {
            ChangesWindow window = store.changesWindow(doc, since, site, after, 40, false).orElseThrow();
            inserts.addAll(window.changes().inserts());
            after = window.last();
        } while (after != null);
        return inserts;
    }

    private static Pid randomPid(Random random) {
        int depth = 1 + random.nextInt(3);
        long[] keys = new long[depth];
        for (int i = 0; i < depth; i++) {
            keys[i] = Pid.key(1 + random.nextInt(4), random.nextInt(3) == 0 ? 0xFFFF_FFF0L + random.nextInt(16)
                    : random.nextInt(8));
        }
        return Pid.of(keys);
    }

    private static boolean applyToModel(TreeMap<Pid, Times> model, List<Atom> inserts, List<Pid> deletes, long t) {
        boolean changed = false;
        for (Atom a : inserts) {
            if (!model.containsKey(a.pid())) {
                model.put(a.pid(), new Times(a.codePoint(), t, 0));
                changed = true;
            }
        }
        for (Pid p : deletes) {
            Times before = model.get(p);
            if (before == null) {
                model.put(p, new Times(-1, 0, t));
                changed = true;
            } else if (before.deleted() == 0) {
                model.put(p, new Times(-1, before.inserted(), t));
                changed = true;
            }
        }
        return changed;
    }

    private static List<Atom> expectedInserts(TreeMap<Pid, Times> model, long since) {
        List<Atom> out = new ArrayList<>();
        model.forEach((pid, t) -> {
            if (t.deleted() == 0 && t.inserted() > since) {
                out.add(new Atom(pid, t.codePoint()));
            }
        });
        return out;
    }

    private static List<Pid> expectedDeletes(TreeMap<Pid, Times> model, long since, int site) {
        List<Pid> out = new ArrayList<>();
        model.forEach((pid, t) -> {
            boolean mayHold = (t.inserted() != 0 && t.inserted() <= since) || pid.site() == site;
            if (t.deleted() > since && mayHold) {
                out.add(pid);
            }
        });
        return out;
    }
}
