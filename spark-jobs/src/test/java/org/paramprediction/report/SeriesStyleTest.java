package org.paramprediction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paramprediction.sweep.config.Method;

/** The one method-to-style assignment and the packing of curves into panels, without Spark. */
class SeriesStyleTest {

    @Test
    void everyMethodHasItsOwnColourAndAVariantKeepsTheHueButNotTheColour() {
        Set<Color> colours = new HashSet<>();
        for (Method m : Method.values()) {
            SeriesStyle s = SeriesStyle.of(m.displayName());
            assertTrue(colours.add(s.colour()), m + " repeats a colour: " + s.colour());
            for (String variant : List.of(" (tied l)", " [permuted]", " {data_parallel}", " {columns}",
                    " (tied l) [permuted]", " (raw U)", " (alt U/V)", " (grow)")) {
                if (variant.matches(" \\((raw U|alt U/V|grow)\\)") && (m == Method.FULL || m == Method.DOWNSIZED)) {
                    continue; // only factored layers have a U (the config refuses these for Full and Downsized)
                }
                SeriesStyle v = SeriesStyle.of(m.displayName() + variant);
                assertTrue(colours.add(v.colour()), m.displayName() + variant + " repeats a colour: " + v.colour());
                assertEquals(s.marker(), v.marker(), "a variant keeps its method's marker");
            }
        }
        assertEquals(SeriesStyle.of("SE-Emp"), SeriesStyle.of("SE-Emp"), "one assignment");
        assertNotEquals(SeriesStyle.of("SE-Emp").line(), SeriesStyle.of("SE-Emp (tied l)").line());
        for (String variant : List.of(" (raw U)", " (alt U/V)", " (grow)")) {
            assertNotEquals(SeriesStyle.of("SE-Emp").line(), SeriesStyle.of("SE-Emp" + variant).line(), variant);
            assertNotEquals(SeriesStyle.of("SE-Emp").family(), SeriesStyle.of("SE-Emp" + variant).family(), variant);
        }
    }

    @Test
    void theMethodOfASeriesIsTheTextBeforeItsVariantMarks() {
        assertEquals("SE-Emp2", SeriesStyle.method("SE-Emp2 (tied l) [permuted]"));
        assertEquals("Full", SeriesStyle.method("Full {data_parallel}"));
        assertEquals("Emp-Emp", SeriesStyle.method("Emp-Emp"));
        assertEquals("other", SeriesStyle.of("MyMethod").family(), "an unknown method is drawn, in its own family");
    }

    @Test
    void curvesArePackedByFamilyIntoPanelsOfAtMostTheCapacity() {
        List<Curve> curves = new ArrayList<>();
        for (String m : List.of("SE", "SE-Emp", "SE-Emp2", "SE-Rand", "LowRank", "RandCon", "RandFixU", "Emp-Emp", "DCT")) {
            curves.add(Curve.of(m, List.of(0.1), List.of(0.2)));
            if (m.startsWith("SE")) {
                curves.add(Curve.of(m + " (tied l)", List.of(0.1), List.of(0.2)));
            }
        }
        List<List<Curve>> panels = Panels.pack(curves, 6);
        assertEquals(List.of(4, 4, 2, 3), panels.stream().map(List::size).toList(),
                "SE fixed, SE tied (8 do not fit in 6), data-driven bases, baselines");
        assertTrue(panels.get(0).stream().allMatch(c -> c.style().family().equals("SE kernel in layer 1")));
        assertEquals(List.of(6), Panels.pack(curves.subList(0, 6), 6).stream().map(List::size).toList(),
                "SE fixed and tied together when they fit");
        assertEquals(List.of(3), Panels.pack(curves.subList(0, 3), 6).stream().map(List::size).toList(),
                "few curves: one panel");
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 1), Panels.pack(curves, 2).stream().map(List::size).toList(),
                "a family larger than a panel is split");
    }
}
