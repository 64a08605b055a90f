package dev.weft.app.trace;

/** Small concurrent traces written for tests, in the josephg/editing-traces JSON format. */
public final class ConcurrentTraces {
    /**
     * Two agents: agent 0 types a line; both fork from it and edit different places at once (agent
     * 0 inserts a word, agent 1 adds a mark at the end and replaces the first word); agent 0 merges
     * both branches (two parents) and types on; agent 1 continues from that merge.
     */
    public static final String TWO_AGENTS = """
            {"kind": "concurrent", "numAgents": 2, "endContent": "HELLO, dear wörld 🌍?",
             "txns": [
              {"parents": [], "agent": 0, "patches": [[0, 0, "hello wörld"]]},
              {"parents": [0], "agent": 0, "patches": [[5, 0, ","], [6, 0, " dear"]]},
              {"parents": [0], "agent": 1, "patches": [[11, 0, " 🌍!"]]},
              {"parents": [2], "agent": 1, "patches": [[0, 5, "HELLO"]]},
              {"parents": [1, 3], "agent": 0, "patches": [[20, 0, "?"]]},
              {"parents": [4], "agent": 1, "patches": [[19, 1, ""]]}
             ]}""";

    private ConcurrentTraces() {
    }
}
