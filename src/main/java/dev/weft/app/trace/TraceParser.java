package dev.weft.app.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one trace document with Jackson's {@link JsonParser} into a {@link TraceBuilder}. Knows
 * the JSON shape only; what the values must mean is checked by the builder.
 */
final class TraceParser {
    /** Thread-safe and costly to make, so shared. */
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser json;
    private final TraceBuilder trace = new TraceBuilder();
    private int txn = -1;
    private int patch = -1;

    private TraceParser(JsonParser json) {
        this.json = json;
    }

    static EditingTrace parse(InputStream in) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            return new TraceParser(json).document();
        } catch (StreamReadException e) {
            throw new TraceFormatException("not valid JSON: " + e.getOriginalMessage()
                    + at(e.getLocation()), e);
        }
    }

    private EditingTrace document() throws IOException {
        expect(json.nextToken(), JsonToken.START_OBJECT, "the trace");
        while (next(JsonToken.END_OBJECT)) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "kind" -> trace.kind(string("kind"));
                case "startContent" -> trace.startContent(string("startContent"));
                case "endContent" -> trace.endContent(string("endContent"));
                case "numAgents" -> trace.numAgents(natural("numAgents"));
                case "txns" -> txns();
                default -> json.skipChildren();
            }
        }
        if (json.nextToken() != null) {
            throw fail("unexpected content after the trace object");
        }
        return trace.build();
    }

    private void txns() throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY, "txns");
        trace.startTxns();
        while (next(JsonToken.END_ARRAY)) {
            txn++;
            expect(json.currentToken(), JsonToken.START_OBJECT, "a transaction");
            int[] parents = null;
            int agent = TraceBuilder.NO_AGENT;
            while (next(JsonToken.END_OBJECT)) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "parents" -> parents = parents();
                    case "agent" -> agent = natural("agent");
                    case "patches" -> patches();
                    default -> json.skipChildren();
                }
            }
            trace.endTxn(parents, agent);
        }
        txn = -1;
    }

    private int[] parents() throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY, "parents");
        IntList parents = new IntList();
        while (next(JsonToken.END_ARRAY)) {
            parents.add(natural("a parent"));
        }
        return parents.toArray();
    }

    private void patches() throws IOException {
        expect(json.currentToken(), JsonToken.START_ARRAY, "patches");
        while (next(JsonToken.END_ARRAY)) {
            patch++;
            expect(json.currentToken(), JsonToken.START_ARRAY, "a patch");
            json.nextToken();
            int position = natural("position");
            json.nextToken();
            int deleteCount = natural("delete count");
            json.nextToken();
            String insert = string("insert");
            while (next(JsonToken.END_ARRAY)) {
                json.skipChildren();
            }
            trace.patch(position, deleteCount, insert);
        }
        patch = -1;
    }

    /** Moves to the next token; false when it is {@code end}. */
    private boolean next(JsonToken end) throws IOException {
        JsonToken token = json.nextToken();
        if (token == null) {
            throw fail("unexpected end of the file");
        }
        return token != end;
    }

    private String string(String what) throws IOException {
        expect(json.currentToken(), JsonToken.VALUE_STRING, what);
        return json.getText();
    }

    private int natural(String what) throws IOException {
        expect(json.currentToken(), JsonToken.VALUE_NUMBER_INT, what);
        int value = json.getIntValue();
        if (value < 0) {
            throw fail(what + " must not be negative, found " + value);
        }
        return value;
    }

    private void expect(JsonToken actual, JsonToken wanted, String what) throws TraceFormatException {
        if (actual != wanted) {
            throw fail(what + " must be " + describe(wanted) + ", found " + describe(actual));
        }
    }

    private TraceFormatException fail(String message) {
        List<String> path = new ArrayList<>();
        if (txn >= 0) {
            path.add("txns[" + txn + "]");
        }
        if (patch >= 0) {
            path.add("patches[" + patch + "]");
        }
        String prefix = path.isEmpty() ? "" : String.join(".", path) + ": ";
        return new TraceFormatException(prefix + message + at(json.currentTokenLocation()));
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT, END_ARRAY -> "the end of the enclosing value";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a fractional number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
