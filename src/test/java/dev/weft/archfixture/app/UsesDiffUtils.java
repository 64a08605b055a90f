package dev.weft.archfixture.app;

import com.github.difflib.DiffUtils;

/** Breaks the diff library rule: java-diff-utils outside vault, even in app. */
public final class UsesDiffUtils {
    public DiffUtils diff;
}
