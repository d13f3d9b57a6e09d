package org.paramprediction.sweep;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.paramprediction.io.Provenance;
import org.paramprediction.results.ResultStore;
import org.paramprediction.results.TrialOutcome;

/**
 * Appends batches of finished trials to the {@link ResultStore} one after another on a thread of its
 * own, so the driver loop keeps reporting progress and submitting trials while a write job waits
 * for a task slot.
 */
final class AsyncAppender implements AutoCloseable {

    private final ResultStore store;
    private final Provenance provenance;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "result-writer"));
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

    AsyncAppender(ResultStore store, Provenance provenance) {
        this.store = store;
        this.provenance = provenance;
    }

    void submit(List<TrialOutcome> batch) {
        List<TrialOutcome> copy = List.copyOf(batch);
        writes = writes.thenRunAsync(() -> store.append(copy, provenance), writer);
    }

    /** Rethrows a failed write, if any. */
    void check() {
        if (writes.isCompletedExceptionally()) {
            writes.join();
        }
    }

    /** Waits for every submitted write. */
    void finish() {
        writes.join();
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
