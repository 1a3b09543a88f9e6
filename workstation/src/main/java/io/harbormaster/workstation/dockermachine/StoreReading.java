package io.harbormaster.workstation.dockermachine;

/** What reading one machine of a store gave: the machine, or the reason it cannot be imported. */
public sealed interface StoreReading {

    /** The machine's name (its folder's). */
    String name();

    /** Read and checked; ready to send. */
    record Readable(StoredMachine machine) implements StoreReading {

        @Override
        public String name() {
            return machine.name();
        }
    }

    /** Not importable as it is; {@code reason} says why, naming files and fields, never their content. */
    record Unreadable(String name, String reason) implements StoreReading {
    }
}
