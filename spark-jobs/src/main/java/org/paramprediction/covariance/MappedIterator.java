package org.paramprediction.covariance;

import java.util.Iterator;
import java.util.function.Function;

/** An iterator that applies a function to each element of another one when it is asked for. */
final class MappedIterator<A, B> implements Iterator<B> {

    private final Iterator<A> source;
    private final Function<A, B> f;

    MappedIterator(Iterator<A> source, Function<A, B> f) {
        this.source = source;
        this.f = f;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public B next() {
        return f.apply(source.next());
    }
}
