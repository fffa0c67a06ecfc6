package io.nudge.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nudge.testing.DecisionTables;

/** The DRL the build keeps of each table, which the packaged service reads instead of the spreadsheet. */
class GeneratedTablesTest {

    private static final byte[] TABLE = DecisionTables.workbook("Spend goals", DecisionTables.SPEND_GOALS);

    @Test
    void shouldReadATableFromTheDrlTheBuildGeneratedOfIt(@TempDir Path folder) throws IOException {
        DecisionTables.write(folder, "spend.drl.xlsx", TABLE);
        String fromSpreadsheet = RuleSources.fromFolder(folder).drl().get("spend.drl.xlsx");

        DecisionTable.main(new String[] {folder.toString()});
        Path generated = folder.resolve(".tables/spend.drl.xlsx.txt");
        // Marked, to tell which of the two was read.
        Files.writeString(generated, Files.readString(generated).replace("save 5%\" ) );", "save 5%\" ) ); // generated"));
        DecisionTable table = RuleSources.fromFolder(folder).tables().get("spend.drl.xlsx");

        assertThat(table.drl()).isEqualTo(fromSpreadsheet.replace("save 5%\" ) );", "save 5%\" ) ); // generated"));
        assertThat(table.sheet()).isEqualTo("Spend goals");
        assertThat(table.rowOf("Spend EUR 60, save 5%")).get().extracting(DecisionTable.RuleRow::row).isEqualTo(11);
    }

    @Test
    void shouldReadTheSpreadsheetOnceItChangedSinceTheBuild(@TempDir Path folder) throws IOException {
        DecisionTables.write(folder, "spend.drl.xlsx", TABLE);
        DecisionTable.main(new String[] {folder.toString()});
        DecisionTables.write(folder, "spend.drl.xlsx", DecisionTables.withCell(TABLE, "D10", "USD 70.00"));

        assertThat(RuleSources.fromFolder(folder).drl().get("spend.drl.xlsx")).contains("\"USD 70.00\"").doesNotContain("\"USD 60.00\"");
    }
}
