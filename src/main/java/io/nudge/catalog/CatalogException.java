package io.nudge.catalog;

/** A catalog file that cannot be read, with the file and line a merchandiser should look at (0 when unknown). */
public class CatalogException extends RuntimeException {

    private final String file;
    private final int line;

    CatalogException(String file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
