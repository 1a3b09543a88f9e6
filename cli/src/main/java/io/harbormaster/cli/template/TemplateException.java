package io.harbormaster.cli.template;

/** A template hm cannot parse or execute; the message names the action and says what is supported. */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
