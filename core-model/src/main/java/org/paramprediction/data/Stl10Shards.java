package org.paramprediction.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates over an STL-10 image stream in shards of {@code imagesPerShard} unlabelled images,
 * reading one shard per {@link #next} (see {@link Stl10#unlabeledShards}).
 */
final class Stl10Shards implements Iterator<ByteImageDataset> {

    private final InputStream in;
    private final String name;
    private final int imagesPerShard;
    private long nextImage;
    private ByteImageDataset pending;
    private boolean ended;

    Stl10Shards(InputStream in, String name, int imagesPerShard) {
        this.in = in;
        this.name = name;
        this.imagesPerShard = imagesPerShard;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            try {
                pending = read(in, name, imagesPerShard, nextImage);
            } catch (IOException e) {
                throw DataFiles.ioFailure("STL-10", name, e);
            }
            if (pending == null) {
                ended = true;
                if (nextImage == 0) { // an empty file
                    FixedRecordInput.checkWhole(0, name, Stl10.IMAGE_BYTES, Stl10.UNIT, Stl10.FORMAT);
                }
            }
        }
        return pending != null;
    }

    @Override
    public ByteImageDataset next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no shard after image " + nextImage + " of " + name);
        }
        ByteImageDataset shard = pending;
        pending = null;
        nextImage += shard.size();
        return shard;
    }

    /**
     * Reads up to {@code max} images from {@code in}, transposed to row-major; {@code null} if the
     * stream is at its end.
     *
     * @param firstImage index in the file of the first image read, for messages
     * @throws DatasetFormatException if the stream ends inside an image
     */
    static ByteImageDataset read(InputStream in, String name, int max, long firstImage)
            throws IOException {
        byte[] buf = new byte[max * Stl10.IMAGE_BYTES];
        int got = in.readNBytes(buf, 0, buf.length);
        if (got == 0) {
            return null;
        }
        long end = firstImage * Stl10.IMAGE_BYTES + got; // bytes from the start of the file
        FixedRecordInput.checkWhole(end, name, Stl10.IMAGE_BYTES, Stl10.UNIT, Stl10.FORMAT);
        int count = got / Stl10.IMAGE_BYTES;
        Stl10.toRowMajor(buf, count);
        return ByteImageDataset.unlabelled(Stl10.SHAPE, got == buf.length ? buf : Arrays.copyOf(buf, got));
    }
}
