package io.nudge.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheet decision tables for tests, written as a spreadsheet program would save them. */
public final class DecisionTables {

    /**
     * A table in the standard Drools layout, written against the documented facts: spend goals per currency, one rule per
     * row from row 10 ("Spend USD 60, save 5%" in B10, its goal in D10, its message in E10).
     */
    public static final String[][] SPEND_GOALS = {
            {"RuleSet", "nudge"},
            {"Import", "io.nudge.vocabulary.*"},
            {},
            {"RuleTable Spend goals"},
            {"NAME", "METADATA", "CONDITION", "ACTION"},
            {},
            {"", "description(\"$param\")",
                    "$cart : Cart()\n$threshold : Threshold( remaining > 0, withinReach( 20 ) ) from Threshold.of( $cart, \"$param\" )",
                    "insert( Candidate.discount( $threshold, \"$param\" ) );"},
            {"Rule", "What it does", "Spend goal", "Message"},
            {"Spend USD 60, save 5%", "A cart within 20% of USD 60.00 is told what is left to save 5%.", "USD 60.00",
                    "Spend {remaining} more and save 5%"},
            {"Spend EUR 60, save 5%", "A cart within 20% of EUR 60.00 is told what is left to save 5%.", "EUR 60.00",
                    "Spend {remaining} more and save 5%"},
    };

    private DecisionTables() {
    }

    /** A workbook whose first sheet, {@code sheet}, holds {@code rows} from cell B2 down, as Drools' own examples lay them out. */
    public static byte[] workbook(String sheet, String[]... rows) {
        try (Workbook workbook = new XSSFWorkbook()) {
            fill(workbook.createSheet(sheet), rows);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code workbook} with cell {@code ref} ("D10") of its first sheet set to the text {@code value}. */
    public static byte[] withCell(byte[] workbook, String ref, String value) {
        try (Workbook edited = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            newCell(edited, ref).setCellValue(value);
            return bytes(edited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code workbook} with cell {@code ref} of its first sheet holding {@code date} as a spreadsheet date, as Excel stores a typed date. */
    public static byte[] withDateCell(byte[] workbook, String ref, LocalDate date) {
        try (Workbook edited = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Cell cell = newCell(edited, ref);
            cell.setCellValue(date);
            CellStyle style = edited.createCellStyle();
            style.setDataFormat(edited.getCreationHelper().createDataFormat().getFormat("d-mmm-yyyy"));
            cell.setCellStyle(style);
            return bytes(edited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cell {@code ref} of the first sheet, new and empty. */
    private static Cell newCell(Workbook workbook, String ref) {
        CellReference at = new CellReference(ref);
        Sheet sheet = workbook.getSheetAt(0);
        Row row = sheet.getRow(at.getRow()) == null ? sheet.createRow(at.getRow()) : sheet.getRow(at.getRow());
        return row.createCell(at.getCol());
    }

    /** {@code workbook} with a second sheet, {@code sheet}, holding {@code rows} from B2 down. */
    public static byte[] withSheet(byte[] workbook, String sheet, String[]... rows) {
        try (Workbook edited = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            fill(edited.createSheet(sheet), rows);
            return bytes(edited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path folder, String file, byte[] workbook) {
        try {
            Files.write(folder.resolve(file), workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(Sheet sheet, String[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows[r].length; c++) {
                if (!rows[r][c].isEmpty()) {
                    row.createCell(c + 1).setCellValue(rows[r][c]);
                }
            }
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
