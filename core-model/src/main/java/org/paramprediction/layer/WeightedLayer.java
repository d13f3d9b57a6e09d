package org.paramprediction.layer;

/**
 * A layer with a weight matrix and a bias: {@code g(X W + b)} for a dense or factored hidden layer,
 * {@code g(im2col(X) W + b)} for a convolution (one column of {@code W} per output channel). These
 * are the layers that get dictionary recipes; their {@code W} is full or predicted, {@code W = U V}.
 */
public interface WeightedLayer extends Layer {

    /** {@code W}: full or factored. */
    LinearMap map();

    /** {@code b}: one value per output unit or channel. */
    Param bias();

    Activation activation();
}
