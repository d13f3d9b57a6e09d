package org.paramprediction.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ETA's arithmetic (left x mean / slots, summed over kinds) and its labels, worked out by hand. */
class EtaTest {

    @Test
    void clockIsHoursMinutesSecondsRoundedToTheSecond() {
        assertEquals("0:00:00", Eta.clock(0));
        assertEquals("0:00:00", Eta.clock(-3), "never negative");
        assertEquals("0:01:05", Eta.clock(64.6));
        assertEquals("1:00:00", Eta.clock(3599.5));
        assertEquals("27:46:40", Eta.clock(100_000), "hours are not wrapped at a day");
    }

    @Test
    void oneKindIsLeftTimesMeanOverSlots() {
        // 8 x 11.6 / 2 = 46.4 s
        assertEquals("ETA ~0:00:46 (8 trials x 11.6 s mean / 2 slots)",
                Eta.describe(List.of(new Eta.Part("trials", 8, 11.6, 2))));
        assertEquals("ETA ~0:00:06 (1 trial x 11.6 s mean / 2 slots)",
                Eta.describe(List.of(new Eta.Part("trials", 1, 11.6, 2))), "one item: singular");
        // one slot: no "/ 1 slots"
        assertEquals("ETA ~0:02:00 (3 sections x 40.0 s mean)",
                Eta.describe(List.of(new Eta.Part("sections", 3, 40.0, 1))));
    }

    @Test
    void kindsAddUpAndKindsWithNothingLeftAreLeftOut() {
        // 4 x 23.3 / 2 = 46.6 s, + 12 x 42.2 = 506.4 s: 553 s = 0:09:13
        assertEquals("ETA ~0:09:13 (4 trials x 23.3 s mean / 2 slots + 12 distributed x 42.2 s mean)",
                Eta.describe(List.of(new Eta.Part("trials", 4, 23.3, 2), new Eta.Part("distributed", 12, 42.2, 1))));
        assertEquals("ETA ~0:08:26 (12 distributed x 42.2 s mean)",
                Eta.describe(List.of(new Eta.Part("trials", 0, 23.3, 2), new Eta.Part("distributed", 12, 42.2, 1))));
    }

    @Test
    void aKindNotTimedYetMakesTheEstimateALowerBoundOrUnknown() {
        assertEquals("ETA > 0:00:47 (4 trials x 23.3 s mean / 2 slots; 12 distributed not timed yet)",
                Eta.describe(List.of(new Eta.Part("trials", 4, 23.3, 2),
                        new Eta.Part("distributed", 12, Double.NaN, 1))));
        assertEquals("ETA unknown (12 distributed not timed yet)",
                Eta.describe(List.of(new Eta.Part("trials", 0, 23.3, 2),
                        new Eta.Part("distributed", 12, Double.NaN, 1))));
    }

    @Test
    void nothingLeftIsZero() {
        assertEquals("ETA 0:00:00", Eta.describe(List.of(new Eta.Part("trials", 0, 5.0, 2),
                new Eta.Part("distributed", 0, Double.NaN, 1))));
    }

    @Test
    void badCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Eta.Part("trials", -1, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Eta.Part("trials", 1, 1.0, 0));
    }
}
