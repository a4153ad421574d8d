package io.modelcards.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcards.diag.SourcePosition;
import io.modelcards.model.Block;
import io.modelcards.model.Cell;
import io.modelcards.model.CellValue;
import io.modelcards.model.Column;
import io.modelcards.model.Model;
import io.modelcards.model.Row;
import io.modelcards.model.Table;
import io.modelcards.model.TableKind;
import io.modelcards.model.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static final SourcePosition AT = SourcePosition.of("content/x.md", 1);

    private static Cell cell(String text) {
        CellValue v = text.isEmpty() ? new CellValue.Missing()
                : text.matches("-?\\d+(\\.\\d+)?") ? new CellValue.Number(new BigDecimal(text)) : new CellValue.Text(text);
        return new Cell(text, "", text, v, List.of());
    }

    /** A benchmark table: Model | <setting> | Bench acc. — rows of (group, setting, value). */
    private static Model model(String setting, String[]... rows) {
        List<Column> columns = List.of(Column.plain("Model", "Model"), Column.plain(setting, setting),
                new Column("Bench acc.", "Bench acc.", "Bench", "acc.", List.of(), Map.of()));
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            list.add(new Row("r" + i, rows[i][0], List.of(cell(rows[i][0]), cell(rows[i][1]), cell(rows[i][2])), AT));
        }
        Table t = new Table("table-1", "", TableKind.BENCHMARK, columns, list, AT);
        return new Model("m", "Tiny", "Tiny", AT, "", null, List.of(new Block.TableBlock(t)),
                List.of(new Variant("Tiny 1B", new BigDecimal("1000000000"), "1B", Map.of(), List.of())), List.of());
    }

    private static List<Charts.Chart> charts(Model m) {
        return Charts.of(Charts.sources(m), Charts.Choice.ALL, new HashSet<>());
    }

    @Test
    void chartsAgainstANumericSettingAndAgainstParameters() {
        Model m = model("Shots", new String[] {"Tiny 1B", "0", "10.5"}, new String[] {"Tiny 1B", "4", "12"},
                new String[] {"Tiny 7B", "0", "20"}, new String[] {"Tiny 7B", "4", "25"},
                new String[] {"Tiny 13B", "0", "22"});
        List<Charts.Chart> charts = charts(m);
        assertEquals(List.of("chart-bench-acc-shots", "chart-bench-acc-parameters"),
                charts.stream().map(c -> c.spec().id()).toList());
        ChartSvg.Spec shots = charts.get(0).spec();
        assertEquals("shots", shots.xLabel());
        assertEquals(List.of("Tiny 1B", "Tiny 7B", "Tiny 13B"), shots.series().stream().map(ChartSvg.Series::name).toList());
        assertEquals(new BigDecimal("10.5"), shots.series().get(0).points().get(0).y());
        ChartSvg.Spec parameters = charts.get(1).spec();
        assertTrue(parameters.logX());
        assertEquals("Bench acc. against parameters (0 shots)", parameters.title());
        assertEquals(List.of(new ChartSvg.Point(new BigDecimal("1E+9"), new BigDecimal("10.5")),
                new ChartSvg.Point(new BigDecimal("7E+9"), new BigDecimal("20")),
                new ChartSvg.Point(new BigDecimal("1.3E+10"), new BigDecimal("22"))), parameters.series().get(0).points());
    }

    @Test
    void noChartWithoutTwoPointsInASeries() {
        assertTrue(charts(model("Shots", new String[] {"Other", "0", "1"}, new String[] {"Another", "4", "2"})).isEmpty());
        assertTrue(charts(model("Selection", new String[] {"Other", "Random", "1"}, new String[] {"Other", "RICES", "2"}))
                .isEmpty(), "a text setting is no axis");
    }

    @ParameterizedTest
    @CsvSource({"IDEFICS 80B Instruct, IDEFICS Instruct, 80000000000", "IDEFICS-9b-instruct, IDEFICS-instruct, 9000000000",
            "7B, Tiny, 7000000000", "Llama 1.3B, Llama, 1300000000"})
    void readsSizesFromNames(String name, String family, String parameters) {
        Model m = model("Shots");
        assertEquals(family, Charts.family(m, name));
        assertEquals(0, new BigDecimal(parameters).compareTo(Charts.parameters(m, name)));
    }

    @Test
    void aNameWithoutSizeHasNoParametersUnlessAVariantGivesThem() {
        Model m = model("Shots");
        assertNull(Charts.parameters(m, "GroundingDINO-T"));
        assertEquals("Tiny", Charts.family(m, "GroundingDINO-T"));
        assertEquals(0, new BigDecimal("1000000000").compareTo(Charts.parameters(m, "tiny 1b")));
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> used = new HashSet<>(Set.of("charts"));
        assertEquals("charts-2", Charts.uniqueId("charts", used));
        assertEquals("charts-3", Charts.uniqueId("charts", used));
    }
}
