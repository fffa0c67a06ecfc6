package io.nudge.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The text files of a rule book (DRL files and the catalog), by file name. */
public record RuleSources(SortedMap<String, String> files) {

    public static final String CATALOG = "catalog.csv";

    /** The rule book compiled into the service: the copy of {@code rules/} on the classpath. */
    public static RuleSources fromClasspath() {
        URL catalog = Thread.currentThread().getContextClassLoader().getResource("rules/" + CATALOG);
        if (catalog == null) {
            throw new IllegalStateException("No rule book on the classpath: rules/" + CATALOG + " is missing");
        }
        try {
            URI uri = catalog.toURI();
            try {
                return fromFolder(Path.of(uri).getParent());
            } catch (FileSystemNotFoundException archiveNotOpen) {
                try (FileSystem archive = FileSystems.newFileSystem(uri, Map.of())) {
                    return fromFolder(archive.provider().getPath(uri).getParent());
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("The rule book on the classpath cannot be read", e);
        }
    }

    /** The rule files directly in {@code folder}: *.drl and the catalog. */
    public static RuleSources fromFolder(Path folder) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = path.getFileName().toString();
                if (name.endsWith(".drl") || name.equals(CATALOG)) {
                    files.put(name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Rule folder " + folder + " cannot be read", e);
        }
        return new RuleSources(files);
    }

    public SortedMap<String, String> drl() {
        SortedMap<String, String> drl = new TreeMap<>(files);
        drl.keySet().removeIf(name -> !name.endsWith(".drl"));
        return drl;
    }

    /** A short hash of every file's name and content: changes whenever any rule or the catalog does. */
    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
