/**
 * Web plumbing shared by the query-side controllers: parsing and checking request parameters, asking the query
 * gateway with a time limit, and turning failures into RFC 9457 problem details. No endpoints live here.
 */
package io.harbormaster.query.web;
