package io.harbormaster.command.machine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.harbormaster.api.machine.Grantee;
import java.io.IOException;

/**
 * A {@link Grantee} as a JSON object key ({@code USER:<uuid>}, {@code TEAM:<uuid>}) for the shares in a machine's
 * snapshot: a record key would otherwise be written with its {@code toString()}, which cannot be read back.
 */
final class GranteeKey {

    private GranteeKey() {
    }

    static final class Writer extends JsonSerializer<Grantee> {
        @Override
        public void serialize(Grantee grantee, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeFieldName(grantee.kind().name() + ":" + grantee.id());
        }
    }

    static final class Reader extends KeyDeserializer {
        @Override
        public Grantee deserializeKey(String key, DeserializationContext context) {
            var colon = key.indexOf(':');
            return new Grantee(Grantee.Kind.valueOf(key.substring(0, colon)), key.substring(colon + 1));
        }
    }
}
