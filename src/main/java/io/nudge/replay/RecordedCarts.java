package io.nudge.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files of JSON lines to replay: each line a {@code POST /v1/nudges} body, or an event of the
 * service (decision events carry their cart when {@code nudge.events.carts} is on). A folder
 * stands for the event files in it, the rolled-over ones ({@code events.jsonl.3}) first, oldest first.
 */
public final class RecordedCarts {

    /** One line of a file: where it is ({@code carts.jsonl:12}) and what it says. */
    record Line(String where, String text) {
    }

    private static final Pattern ROLLED_OVER = Pattern.compile(".*\\.jsonl(?:\\.(\\d+))?$");

    private final List<Path> files;

    private RecordedCarts(List<Path> files) {
        this.files = files;
    }

    /** The files of {@code paths}, a folder standing for its {@code *.jsonl} files; a path that is not there, or a folder without one, stops it. */
    public static RecordedCarts of(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> events = eventFiles(path);
                if (events.isEmpty()) {
                    throw new NoSuchFileException(path.toString(), null, "the folder holds no *.jsonl file");
                }
                files.addAll(events);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new NoSuchFileException(path.toString(), null, "no such file or folder");
            }
        }
        return new RecordedCarts(files);
    }

    /** The event files in {@code folder}, if any: what the service has recorded so far. */
    public static RecordedCarts inFolder(Path folder) throws IOException {
        return new RecordedCarts(Files.isDirectory(folder) ? eventFiles(folder) : List.of());
    }

    private static List<Path> eventFiles(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(file -> ROLLED_OVER.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(RecordedCarts::age).reversed().thenComparing(Path::toString))
                    .toList();
        }
    }

    /** How many times an event file has rolled over: 0 for the one written now; a number too long for a long counts as the oldest. */
    private static BigInteger age(Path file) {
        Matcher matcher = ROLLED_OVER.matcher(file.getFileName().toString());
        return matcher.matches() && matcher.group(1) != null ? new BigInteger(matcher.group(1)) : BigInteger.ZERO;
    }

    /** Hands the non-blank lines to {@code batch}, {@code size} at a time, in file order. */
    void forEachBatch(int size, Consumer<List<Line>> batch) throws IOException {
        List<Line> lines = new ArrayList<>(size);
        for (Path file : files) {
            String name = file.getFileName().toString();
            // Bytes that are not UTF-8 (a line cut short when a replica died) spoil their line, not the file.
            CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), lenient))) {
                int number = 0;
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    lines.add(new Line(name + ":" + number, text));
                    if (lines.size() == size) {
                        batch.accept(List.copyOf(lines));
                        lines.clear();
                    }
                }
            }
        }
        if (!lines.isEmpty()) {
            batch.accept(List.copyOf(lines));
        }
    }
}
