package dev.weft.app.trace;

import java.util.Arrays;

/** A growable list of primitive ints, so the parser does not box every number it reads. */
final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    /** Removes and returns the last value; the list must not be empty. */
    int removeLast() {
        return values[--size];
    }

    /** Removes every value, keeping the room. */
    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The values as an array of exactly {@link #size()} elements. */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
