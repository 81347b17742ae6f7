package com.publisherdesk.contracts.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Compares every schema of a release's baseline directory with the schema of the same name in another directory. */
public final class BaselineComparison {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BaselineComparison() {
    }

    /** The backward-incompatible changes, each prefixed by its schema's file name; a schema gone is one too. */
    public static List<String> breaks(Path baseline, Path current) throws IOException {
        List<String> breaks = new ArrayList<>();
        try (Stream<Path> files = Files.list(baseline)) {
            for (Path released : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = released.getFileName().toString();
                Path now = current.resolve(name);
                if (!Files.exists(now)) {
                    breaks.add(name + ": schema removed");
                    continue;
                }
                SchemaCompatibility.breaks(JSON.readTree(released.toFile()), JSON.readTree(now.toFile()))
                        .forEach(change -> breaks.add(name + " " + change));
            }
        }
        return breaks;
    }
}
