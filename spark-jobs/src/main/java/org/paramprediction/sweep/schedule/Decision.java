package org.paramprediction.sweep.schedule;

/** What a scheduler decided about a trial at a rung. */
public enum Decision {
    /** Train on to the next rung. */
    PROMOTE,
    /** Stopped here: its epochs so far stay, its status is STOPPED. */
    STOP,
    /** Reached the last rung: complete. */
    COMPLETE
}
