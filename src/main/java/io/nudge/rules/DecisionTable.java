package io.nudge.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * A spreadsheet decision table ({@code *.drl.xlsx}) as the DRL that Drools generates from it,
 * which is what the build compiles too, with the sheet and cell each generated line came from:
 * a problem in a table is told by sheet and cell, never by a line of DRL nobody wrote.
 */
public record DecisionTable(String file, byte[] content, String sheet, String drl, List<RuleRow> rows, List<TableCell> cells) {

    public static final String EXTENSION = ".drl.xlsx";
    /**
     * The folder, beside the tables of the packaged rule book, where the build keeps the DRL of each: reading a spreadsheet
     * loads Apache POI, seconds of start-up that the built-in book then does without (and that the native binary never needs).
     */
    static final String GENERATED = ".tables";
    /** The list of tables the build writes beside their DRL: the service finds its rule book on the classpath by it. */
    static final String INDEX = "index.txt";

    /** One rule of the table (on its first sheet, the only one Drools reads): its row, and the lines of the generated DRL it spans. */
    public record RuleRow(String rule, int row, String firstCell, int firstLine, int lastLine) {
    }

    /** A cell of the first sheet that holds something, as the spreadsheet shows it. */
    record TableCell(int row, String ref, String text) {
    }

    // Drools writes "// rule values at C12, header at B5" above each rule it generates from a row.
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+(\\d+)),");
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.*)\"");
    private static final String RULE_TABLE = "ruletable";
    /** The column keywords Drools reads in a table's keyword row, as the guide writes them; each may be written without its hyphens. */
    private static final List<String> HEADERS = List.of("NAME", "DESCRIPTION", "METADATA", "CONDITION", "ACTION", "PRIORITY", "SALIENCE",
            "DURATION", "TIMER", "ENABLED", "CALENDARS", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "ACTIVATION-GROUP", "AGENDA-GROUP",
            "RULEFLOW-GROUP", "DATE-EFFECTIVE", "DATE-EXPIRES");
    private static final Set<String> KEYWORDS = HEADERS.stream().flatMap(header -> Stream.of(header, header.replace("-", "")))
            .collect(Collectors.toUnmodifiableSet());
    /** Drools' one-letter forms of the keywords. */
    private static final Set<String> SHORT_KEYWORDS = Set.of("N", "I", "@", "C", "A", "P", "D", "T", "B", "E", "U", "L", "F", "X", "G", "R", "V", "Z");
    /** A cell named in Drools' message on a table's layout: "Data cell F11 has an empty column header". */
    private static final Pattern CELL = Pattern.compile("\\b([A-Z]{1,3}(\\d+))\\b");

    /**
     * Reads a table; one that is no spreadsheet, or not laid out as a decision table, stops it with {@link UnreadableRuleFile}.
     * Drools reads only the first sheet of a workbook, so a RuleTable on another one is refused rather than silently left out.
     */
    static DecisionTable read(String file, byte[] content) {
        List<TableCell> cells = new ArrayList<>();
        String sheetName;
        // What Drools compiles: the bytes as they are, or, when the first sheet has dates typed as dates, the workbook with them as text.
        byte[] compiled = content;
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            sheetName = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0).getSheetName();
            boolean datesAsText = false;
            for (Sheet sheet : workbook) {
                boolean first = sheet.getSheetName().equals(sheetName);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String date = first ? asText(cell) : null;
                        datesAsText |= date != null;
                        String text = date != null ? date : formatter.formatCellValue(cell).strip();
                        if (text.isEmpty()) {
                            continue;
                        }
                        String ref = cell.getAddress().formatAsString();
                        if (first) {
                            cells.add(new TableCell(row.getRowNum() + 1, ref, text));
                            if (looksLikeAMisspeltRuleTable(text)) {
                                throw new UnreadableRuleFile(new RuleProblem(file, sheetName, ref, row.getRowNum() + 1, 0, null, "\"" + text
                                        + "\" is not read as the start of a table, so its rows would be left out: write RuleTable, in one word,"
                                        + " then the table's name"), null);
                            }
                        } else if (startsATable(text)) {
                            throw new UnreadableRuleFile(new RuleProblem(file, sheet.getSheetName(), ref, row.getRowNum() + 1, 0, null,
                                    "only the first sheet of a table file is read, so this table would be left out: move it to the first sheet"
                                    + " or to a file of its own"), null);
                        }
                    }
                }
            }
            if (datesAsText) {
                compiled = bytes(workbook, content.length);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableRuleFile unreadable) {
                throw unreadable;
            }
            // POI refuses a file that unpacks to over a hundred times its size before it fills the memory.
            boolean bomb = e.getMessage() != null && e.getMessage().contains("Zip bomb detected");
            throw new UnreadableRuleFile(file, bomb ? "unpacks to far more than a table holds, as a damaged or crafted file does: save it again"
                    + " as an Excel workbook (.xlsx)" : "cannot be read as a spreadsheet: save it as an Excel workbook (.xlsx)", e);
        }
        misspeltKeyword(file, sheetName, cells).ifPresent(problem -> {
            throw new UnreadableRuleFile(problem, null);
        });
        String drl;
        try {
            drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(compiled), InputType.XLS);
        } catch (RuntimeException e) {
            String why = "is not laid out as a decision table: " + plain(e.getMessage());
            Matcher cell = CELL.matcher(why);
            throw new UnreadableRuleFile(cell.find() ? new RuleProblem(file, sheetName, cell.group(1), Integer.parseInt(cell.group(2)), 0, null, why)
                    : new RuleProblem(file, 0, 0, null, why), e);
        }
        List<RuleRow> rows = rowsOf(drl);
        String[] lines = drl.split("\\R", -1);
        for (RuleRow row : rows) {
            // A row Drools read but that sets nothing, such as one left empty inside a table, is a rule that does nothing.
            boolean empty = Arrays.stream(lines, row.firstLine(), row.lastLine() - 1).map(String::strip)
                    .allMatch(line -> line.isEmpty() || line.equals("when") || line.equals("then") || line.startsWith("@") || line.startsWith("/*"));
            if (empty) {
                throw new UnreadableRuleFile(new RuleProblem(file, sheetName, row.firstCell(), row.row(), 0, null, "row " + row.row()
                        + " sets no condition and no action: fill it in, or delete it (an empty row ends a table)"), null);
            }
        }
        return new DecisionTable(file, content, sheetName, drl, rows, cells);
    }

    /**
     * The workbook with every date typed as a spreadsheet date (a number shown as "1-Aug-2027") written as the text Drools reads,
     * "2027-08-01"; empty when it has none. A merchandiser types dates into Excel, and Drools would read the day's serial number.
     */
    static Optional<byte[]> datesAsText(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            boolean changed = false;
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    changed |= asText(cell) != null;
                }
            }
            return changed ? Optional.of(bytes(workbook, content.length)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Said by read(), which opens the same bytes.
            return Optional.empty();
        }
    }

    /** A date cell's date, written into the cell as the text Drools reads ("2027-08-01"); null for any other cell. */
    private static String asText(Cell cell) {
        if (cell.getCellType() != CellType.NUMERIC || !DateUtil.isCellDateFormatted(cell)) {
            return null;
        }
        String text = isoText(cell);
        cell.setBlank();
        cell.setCellValue(text);
        return text;
    }

    private static byte[] bytes(Workbook workbook, int sizeHint) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        workbook.write(out);
        return out.toByteArray();
    }

    /** A date cell as the guide writes dates: 2027-08-01, or 2027-08-01T18:00 with a time of day. */
    private static String isoText(Cell cell) {
        LocalDateTime moment = cell.getLocalDateTimeCellValue();
        return moment.toLocalTime().equals(LocalTime.MIDNIGHT) ? moment.toLocalDate().toString() : moment.toString();
    }

    /**
     * Writes the DRL of every table in folder {@code args[0]} to its {@value #GENERATED} folder; the build runs it. With
     * {@code args[1]}, the copy of the rules that the Drools extension compiles, each table there gets its dates as text too.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Collection<DecisionTable> tables;
        try {
            tables = RuleSources.fromFolder(folder).tables().values();
        } catch (UnreadableRuleFile e) {
            // Stops the build with the file and the reason, not a stack trace: ./check-rules says the same.
            throw new IllegalArgumentException("rules/" + e.problem());
        }
        Files.createDirectories(folder.resolve(GENERATED));
        Files.writeString(folder.resolve(GENERATED).resolve(INDEX), tables.stream().map(table -> table.file() + "\n").collect(Collectors.joining()),
                StandardCharsets.UTF_8);
        for (DecisionTable table : tables) {
            Files.writeString(folder.resolve(GENERATED).resolve(table.file() + ".txt"), table.generated(), StandardCharsets.UTF_8);
            if (args.length > 1) {
                Optional<byte[]> asText = datesAsText(table.content());
                if (asText.isPresent()) {
                    Files.write(Path.of(args[1]).resolve(table.file()), asText.get());
                }
            }
        }
    }

    /** The table's bytes alone, unread: enough for a version, nothing else. */
    static DecisionTable unread(String file, byte[] content) {
        return new DecisionTable(file, content, null, null, List.of(), List.of());
    }

    /** The table from the DRL the build generated of it, when that was generated from these very bytes. */
    static Optional<DecisionTable> fromGenerated(String file, byte[] content, String generated) {
        String header = "// " + sha256(content) + " ";
        String[] firstAndRest = generated.split("\n", 2);
        if (firstAndRest.length < 2 || !firstAndRest[0].startsWith(header)) {
            return Optional.empty();
        }
        String sheet = firstAndRest[0].substring(header.length());
        return Optional.of(new DecisionTable(file, content, sheet, firstAndRest[1], rowsOf(firstAndRest[1]), List.of()));
    }

    private String generated() {
        return "// " + sha256(content) + " " + sheet + "\n" + drl;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rules in the generated DRL with the rows they come from. */
    private static List<RuleRow> rowsOf(String drl) {
        String[] lines = drl.split("\\R", -1);
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher comment = ROW_COMMENT.matcher(lines[i].strip());
            if (!comment.find()) {
                continue;
            }
            int first = i + 2;
            int last = first;
            while (last < lines.length && !lines[last - 1].strip().equals("end")) {
                last++;
            }
            Matcher name = RULE_NAME.matcher(lines[first - 1].strip());
            rows.add(new RuleRow(name.find() ? name.group(1) : null, Integer.parseInt(comment.group(2)), comment.group(1), first, last));
        }
        return rows;
    }

    /**
     * The first cell of a keyword row (the row under "RuleTable ...") that is no column keyword: Drools would read "ACTON" or
     * "CONDITON" by its first letter, as ACTION or CONDITION, and a merchandiser would never learn of the typo.
     */
    private static Optional<RuleProblem> misspeltKeyword(String file, String sheet, List<TableCell> cells) {
        for (TableCell table : cells) {
            if (!startsATable(table.text())) {
                continue;
            }
            int column = CellReference.convertColStringToIndex(table.ref().replaceAll("\\d", ""));
            for (TableCell cell : cells) {
                if (cell.row() != table.row() + 1 || CellReference.convertColStringToIndex(cell.ref().replaceAll("\\d", "")) < column) {
                    continue;
                }
                String keyword = cell.text().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
                if (!KEYWORDS.contains(keyword) && !KEYWORDS.contains(keyword.replace("-", "")) && !SHORT_KEYWORDS.contains(keyword)) {
                    String nearest = HEADERS.stream()
                            .min(Comparator.comparingInt(header -> distance(keyword.replace("-", ""), header.replace("-", "")))).orElseThrow();
                    return Optional.of(new RuleProblem(file, sheet, cell.ref(), cell.row(), 0, null, "\"" + cell.text()
                            + "\" is not a column keyword: did you mean " + nearest + "? (the keywords are " + String.join(", ", HEADERS) + ")"));
                }
            }
        }
        return Optional.empty();
    }

    /** Drools starts a table at a cell whose text starts with "RuleTable", in any case. */
    private static boolean startsATable(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith(RULE_TABLE);
    }

    /** "Rule Table", "RuleTabel", "Ruletable:" would each leave a table out without a word. */
    private static boolean looksLikeAMisspeltRuleTable(String text) {
        if (startsATable(text)) {
            return false;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        return distance(words[0], RULE_TABLE) <= 2 || words.length > 1 && distance(words[0] + words[1], RULE_TABLE) <= 2;
    }

    /** The edit distance between two short words. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.length()];
    }

    /** The row a rule was generated from. */
    public Optional<RuleRow> rowOf(String rule) {
        return rows.stream().filter(row -> row.rule() != null && row.rule().equals(rule)).findFirst();
    }

    /**
     * The problem told by sheet, cell and row instead of a line of the generated DRL: the cell of its rule's row whose text the
     * line holds (else the row's first value), or, outside any rule (an import), the cell anywhere in the workbook that does.
     */
    RuleProblem located(RuleProblem problem) {
        String[] lines = drl.split("\\R", -1);
        if (problem.line() <= 0 || problem.line() > lines.length) {
            Optional<RuleRow> row = problem.rule() == null ? Optional.empty() : rowOf(problem.rule());
            return row.map(r -> problem.at(sheet, r.firstCell(), r.row()))
                    .orElse(new RuleProblem(file, 0, 0, problem.rule(), problem.message()));
        }
        String line = lines[problem.line() - 1];
        Optional<RuleRow> row = rows.stream().filter(r -> r.firstLine() <= problem.line() && problem.line() <= r.lastLine()).findFirst();
        Optional<TableCell> cell = cells.stream()
                .filter(c -> row.isEmpty() || c.row() == row.get().row())
                .filter(c -> line.contains(c.text()))
                .max(Comparator.comparingInt(c -> c.text().length()));
        // A mistake in the code a column's snippet gives every row is the snippet's, told once at its cell; one in a value
        // is told at the value's cell, which the message then quotes.
        Optional<TableCell> snippet = row.isEmpty() ? Optional.empty() : snippetOf(line);
        if (snippet.isPresent() && (cell.isEmpty() || !problem.message().contains(cell.get().text()))) {
            return new RuleProblem(file, sheet, snippet.get().ref(), snippet.get().row(), 0, null, problem.message());
        }
        if (cell.isPresent()) {
            TableCell at = cell.get();
            return problem.at(sheet, at.ref(), at.row());
        }
        return row.map(r -> problem.at(sheet, r.firstCell(), r.row()))
                .orElse(new RuleProblem(file, 0, 0, problem.rule(), problem.message()));
    }

    /** The snippet cell (three rows under its table's "RuleTable" cell) one of whose lines generated {@code line}, if any. */
    private Optional<TableCell> snippetOf(String line) {
        Set<Integer> snippetRows = cells.stream().filter(c -> startsATable(c.text())).map(c -> c.row() + 3).collect(Collectors.toSet());
        return cells.stream().filter(c -> snippetRows.contains(c.row()))
                .filter(c -> Arrays.stream(c.text().split("\\R")).map(String::strip).anyMatch(part -> generates(part, line)))
                .findFirst();
    }

    /** Whether {@code line} holds snippet {@code part} with some value in place of each of its $param, $1, $2. */
    private static boolean generates(String part, String line) {
        if (part.isEmpty()) {
            return false;
        }
        String pattern = Arrays.stream(part.split("\\$param|\\$\\d+", -1)).map(Pattern::quote).collect(Collectors.joining(".*?"));
        return Pattern.compile(pattern).matcher(line).find();
    }

    /** The parser's message without the Java around it. */
    private static String plain(String message) {
        return message == null ? "check its RuleSet, RuleTable, CONDITION and ACTION cells"
                : message.replaceAll("[\\w.]+Exception: ", "").strip();
    }
}
