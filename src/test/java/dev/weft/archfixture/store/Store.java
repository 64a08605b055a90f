package dev.weft.archfixture.store;

/** Stands for the store package. */
public final class Store {
}
