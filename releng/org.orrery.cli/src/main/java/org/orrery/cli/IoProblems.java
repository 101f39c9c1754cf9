// SPDX-License-Identifier: EPL-2.0
package org.orrery.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Words an I/O failure for a user. The JDK's file-system exceptions often carry only the path as their message
 * (a NoSuchFileException reads "/proc/x"), so printing {@code getMessage()} after the path repeats the path and
 * never says what went wrong; a read of a directory says "Is a directory" without naming anything.
 */
public final class IoProblems {

    private IoProblems() {
    }

    /** What went wrong, without the path: for a message that already names the file it was about. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            return reason(f);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : lowerFirst(m);
    }

    /**
     * {@code file: reason}, for a failure about {@code file}. A message that already starts with the file's name
     * (the project's own exceptions word themselves so) is kept as it is.
     */
    public static String about(Path file, IOException e) {
        String m = e.getMessage();
        if (!(e instanceof FileSystemException) && m != null && m.startsWith(file.toString())) {
            return m;
        }
        return file + ": " + reason(e);
    }

    /** {@code file: reason} naming the file the exception is about, or its message when it names none. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + reason(f);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String reason(FileSystemException f) {
        if (f instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (f instanceof FileAlreadyExistsException) {
            // Files.createDirectories throws it for a file where a directory is needed.
            return f.getFile() != null && !Files.isDirectory(Path.of(f.getFile())) ? "exists and is not a directory"
                    : "already exists";
        }
        return f.getReason() == null ? f.getClass().getSimpleName() : lowerFirst(f.getReason());
    }

    private static String lowerFirst(String s) {
        // "Is a directory" reads on after a colon as "is a directory"; "TLS ..." stays as it is.
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1) : s;
    }
}
