package io.nudge.testing;

import static io.nudge.testing.AdminToken.asAdmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import io.restassured.response.ValidatableResponse;

/** A scratch copy of the test rule book that tests edit and reload, leaving the real one alone. */
public final class ScratchRules {

    private ScratchRules() {
    }

    /** Puts the test rule book back in {@code folder} and has the service serve it again. */
    public static void serveTheTestRules(Path folder) {
        reset(folder);
        reload().statusCode(200);
    }

    /** Asks the service to reload its rule folder. */
    public static ValidatableResponse reload() {
        return asAdmin().when().post("/v1/rules/reload").then();
    }

    public static Path folder(String name) {
        return Path.of("target", "scratch-rules", name).toAbsolutePath();
    }

    /** Makes {@code folder} a copy of the test rule book again, overwriting files in place so a watch on it holds. */
    public static void reset(Path folder) {
        try {
            Path source = TestRuleBook.FOLDER;
            if (Files.isDirectory(folder)) {
                try (Stream<Path> present = Files.walk(folder)) {
                    for (Path file : (Iterable<Path>) present::iterator) {
                        if (Files.isRegularFile(file) && !Files.exists(source.resolve(folder.relativize(file).toString()))) {
                            Files.delete(file);
                        }
                    }
                }
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = folder.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (!Files.exists(target) || Files.mismatch(file, target) != -1) {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code folder} and all it holds, if it exists. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in one file of the folder. */
    public static void edit(Path folder, String file, String from, String to) {
        try {
            Path path = folder.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path folder, String file, String text) {
        try {
            Files.writeString(folder.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
