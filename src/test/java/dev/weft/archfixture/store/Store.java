package dev.weft.archfixture.store;

import org.mapdb.DB;

/** Stands for the store package, which may use MapDB. */
public final class Store {
    public DB db;
}
