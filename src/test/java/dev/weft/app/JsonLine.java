package dev.weft.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses one flat JSON object (strings, numbers, booleans) for tests, with jackson-core. */
final class JsonLine {
    private JsonLine() {
    }

    /** The object's fields in order; numbers as {@link Number}, booleans as {@link Boolean}. */
    static Map<String, Object> parse(String json) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object: " + json);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                Object old = fields.put(name, switch (value) {
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
                    case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                    case VALUE_STRING -> parser.getText();
                    default -> throw new IOException("field " + name + " is not flat: " + value);
                });
                if (old != null) {
                    throw new IOException("field " + name + " appears twice");
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IOException("not exactly one JSON object: " + json);
            }
        }
        return fields;
    }
}
