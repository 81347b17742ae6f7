package com.publisherdesk.kit.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value of the right type that the desk refuses; its message says what the field must be. */
public class InvalidValueException extends JsonMappingException {

    public InvalidValueException(JsonParser parser, String message) {
        super(parser, message);
    }
}
