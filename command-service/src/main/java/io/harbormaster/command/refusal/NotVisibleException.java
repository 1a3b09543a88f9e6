package io.harbormaster.command.refusal;

/**
 * The caller may not see what the command refers to. Answers exactly like an unknown id (same code, title and
 * text as the not-found answer for a missing aggregate), so a refusal never reveals that it exists.
 */
public class NotVisibleException extends NotFoundException {

    private NotVisibleException(String subject, Object id) {
        super(subject + "-not-found", unknownMessage(subject, id));
    }

    public static NotVisibleException machine(Object machineId) {
        return new NotVisibleException("machine", machineId);
    }

    public static NotVisibleException team(Object teamId) {
        return new NotVisibleException("team", teamId);
    }

    /** The text of the answer for an unknown id, shared with the handler of Axon's aggregate-not-found. */
    public static String unknownMessage(String subject, Object id) {
        return "No " + subject + " with id " + id + " was found. Check the id, or reload the list.";
    }

    @Override
    public String title() {
        return "Not found";
    }
}
