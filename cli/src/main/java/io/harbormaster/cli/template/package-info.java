/**
 * The part of Go's {@code text/template} that docker-machine users write in {@code ls --format} and
 * {@code inspect --format}: fields ({@code {{.Driver.IPAddress}}}), string literals, pipelines into {@code json} and
 * {@code prettyjson}, trim markers and comments, printed the way Go prints them. Data is plain Java: maps with
 * string keys, lists, strings, numbers, booleans and null, as a JSON document reads. Anything else Go templates
 * can do ({@code if}, {@code range}, variables…) is refused with a message rather than printed wrongly.
 */
package io.harbormaster.cli.template;
