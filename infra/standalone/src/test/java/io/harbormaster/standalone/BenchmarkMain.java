package io.harbormaster.standalone;

/** How a benchmark's {@code main} ends: with its own exit status, whatever threads the stopped platform left. */
public final class BenchmarkMain {

    /** A benchmark's body, given its command-line arguments. */
    @FunctionalInterface
    public interface Body {
        void run(String[] args) throws Exception;
    }

    private BenchmarkMain() {
    }

    /** Runs {@code body}; prints its failure, if any; then exits 0 or 1. */
    public static void run(String[] args, Body body) {
        var status = 0;
        try {
            body.run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // lingering non-daemon threads of a stopped platform would otherwise keep the JVM alive
        System.exit(status);
    }
}
