package org.paramprediction.io;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.paramprediction.data.ByteImageDataset;
import org.paramprediction.data.DataSplits;
import org.paramprediction.data.Dataset;
import org.paramprediction.data.SplitSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datasets loaded at most once per JVM (driver or executor) while they are in use, shared by every
 * task in it, within a byte budget. Images stay as bytes (47 MB for Fashion-MNIST, 184 MB for
 * CIFAR-10); splits are views of the files, permuted variants one copy each.
 *
 * <p>An entry is one dataset's files ({@code format|root}) with the splits made from them; its
 * weight is the bytes of its files plus those of its permuted copies. When the total passes the
 * budget, least recently used entries are dropped (a dataset read again later is loaded again), then
 * the least recently used splits of the dataset in use; the splits just asked for are always kept,
 * even alone above the budget (a warning says so). The budget is {@value #BUDGET_KEY} in the Spark
 * configuration (bytes, or with a {@code k}/{@code m}/{@code g} suffix, e.g. {@code --conf
 * spark.paramprediction.datasetCacheBytes=4g}), or the JVM system property of that name, else
 * {@value #DEFAULT_BUDGET_BYTES} bytes (1 GiB).
 */
public final class DatasetCache {

    /** Spark setting or JVM system property with the budget. */
    public static final String BUDGET_KEY = "spark.paramprediction.datasetCacheBytes";

    /** The budget when none is set: 1 GiB. */
    public static final long DEFAULT_BUDGET_BYTES = 1L << 30;

    private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);

    private static DatasetCache jvm;

    /** Reads a dataset's training and test files. */
    @FunctionalInterface
    interface FileReader {
        ByteImageDataset[] read(DataRef ref, HadoopConf conf);
    }

    private final long budget;
    private final FileReader reader;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long total;

    DatasetCache(long budget, FileReader reader) {
        if (budget < 0) {
            throw new IllegalArgumentException("the dataset cache budget must be >= 0 bytes but was " + budget);
        }
        this.budget = budget;
        this.reader = reader;
    }

    /** The splits of {@code ref}, from this JVM's cache. */
    public static DataSplits get(DataRef ref, HadoopConf conf) {
        return jvm().splits(ref, conf);
    }

    private static synchronized DatasetCache jvm() {
        if (jvm == null) {
            jvm = new DatasetCache(configuredBudget(), DatasetCache::readFiles);
        }
        return jvm;
    }

    private static long configuredBudget() {
        SparkEnv env = SparkEnv.get();
        String v = env == null ? null : env.conf().get(BUDGET_KEY, null);
        if (v == null) {
            v = System.getProperty(BUDGET_KEY);
        }
        return v == null ? DEFAULT_BUDGET_BYTES : parseBytes(v);
    }

    /** {@code 1024}, {@code 512m}, {@code 4g} (binary multiples). */
    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        try {
            long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1));
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(BUDGET_KEY + " must be a byte count >= 0 (e.g. 1073741824, 512m,"
                    + " 4g) but was '" + text + "'", e);
        }
    }

    synchronized DataSplits splits(DataRef ref, HadoopConf conf) {
        String key = ref.format().configName() + "|" + ref.root();
        Entry e = entries.get(key);
        if (e == null) {
            ByteImageDataset[] files = reader.read(ref, conf);
            e = new Entry(files[0], files[1]);
            entries.put(key, e);
            total += e.bytes;
            LOG.info("dataset cache: loaded {} ({} MB); {} MB of {} MB in use", key, mb(e.bytes), mb(total), mb(budget));
        }
        DataSplits s = e.splits.get(ref);
        if (s == null) {
            s = split(e, ref);
            long copied = ref.permutationSeed() == null ? 0 : bytes(s.train()) + bytes(s.valid()) + bytes(e.test);
            e.splits.put(ref, s);
            e.copies.put(ref, copied);
            e.bytes += copied;
            total += copied;
        }
        evictBeyondBudget(key, ref);
        return s;
    }

    private static ByteImageDataset[] readFiles(DataRef ref, HadoopConf conf) {
        return new ByteImageDataset[] {
            DatasetFiles.read(ref.format(), ref.root(), true, conf),
            DatasetFiles.read(ref.format(), ref.root(), false, conf)
        };
    }

    private static DataSplits split(Entry e, DataRef ref) {
        DataSplits s = DataSplits.fromFiles(e.train, e.test, new SplitSpec(ref.trainSize(), ref.validSize()),
                ref.permutationSeed());
        if (ref.testSize() != null && ref.testSize() < s.test().size()) {
            s = new DataSplits(s.train(), s.valid(), s.test().slice(0, ref.testSize()));
        }
        return s;
    }

    /** Drops least recently used datasets, then splits of the one in use, never {@code ref} itself. */
    private void evictBeyondBudget(String key, DataRef ref) {
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (total > budget && it.hasNext()) {
            Map.Entry<String, Entry> lru = it.next();
            if (!lru.getKey().equals(key)) {
                it.remove();
                total -= lru.getValue().bytes;
                LOG.info("dataset cache: dropped {} ({} MB) to stay within {} MB", lru.getKey(),
                        mb(lru.getValue().bytes), mb(budget));
            }
        }
        Entry current = entries.get(key);
        Iterator<DataRef> splits = current.splits.keySet().iterator();
        while (total > budget && splits.hasNext()) {
            DataRef r = splits.next();
            if (!r.equals(ref)) {
                splits.remove();
                long copied = current.copies.remove(r);
                current.bytes -= copied;
                total -= copied;
            }
        }
        if (total > budget && !current.warned) {
            current.warned = true;
            LOG.warn("dataset cache: {} alone takes {} MB, more than the budget of {} MB ({}); kept while in use",
                    key, mb(total), mb(budget), BUDGET_KEY);
        }
    }

    /** Datasets ({@code format|root}) held, least recently used first. */
    synchronized List<String> datasets() {
        return List.copyOf(entries.keySet());
    }

    /** Bytes held: files and permuted copies. */
    synchronized long heldBytes() {
        return total;
    }

    private static long bytes(Dataset d) {
        return (long) d.size() * d.features() + d.size();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) (1 << 20));
    }

    /** One dataset's files and the splits made from them (views, or permuted copies). */
    private static final class Entry {
        final ByteImageDataset train;
        final ByteImageDataset test;
        final LinkedHashMap<DataRef, DataSplits> splits = new LinkedHashMap<>(4, 0.75f, true);
        final Map<DataRef, Long> copies = new HashMap<>();
        long bytes;
        boolean warned;

        Entry(ByteImageDataset train, ByteImageDataset test) {
            this.train = train;
            this.test = test;
            this.bytes = DatasetCache.bytes(train) + DatasetCache.bytes(test);
        }
    }
}
