package dev.pairingworker.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/** The published JSON Schemas of the message contract, checked against real messages. */
public final class Schemas {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  public static final Schema COMMAND = load("docs/schemas/command.schema.json");
  public static final Schema REPLY = load("docs/schemas/reply.schema.json");

  private Schemas() {}

  public static List<Error> errors(Schema schema, String json) {
    return schema.validate(json, InputFormat.JSON);
  }

  public static void assertValidReply(String json) {
    assertThat(errors(REPLY, json)).as("reply %s", json).isEmpty();
  }

  private static Schema load(String path) {
    try {
      return REGISTRY.getSchema(Files.readString(ProjectRoot.resolve(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
