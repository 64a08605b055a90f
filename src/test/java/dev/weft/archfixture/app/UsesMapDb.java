package dev.weft.archfixture.app;

import org.mapdb.DB;

/** Breaks the MapDB rule: only the store may use MapDB, even app, which may use every Weft package. */
public final class UsesMapDb {
    public DB db;
}
