package io.harbormaster.driver;

/**
 * The host answered but the session was refused: its host key is not the pinned one, or it refused the machine's
 * key. Unlike a host that does not answer, waiting does not help; someone has to act on the host or the machine.
 */
public class HostAccessRefusedException extends DriverException {

    public HostAccessRefusedException(String message) {
        super(message);
    }
}
