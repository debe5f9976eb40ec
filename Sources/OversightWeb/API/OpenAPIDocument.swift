/// The OpenAPI 3.1 description of the JSON API, served at `/openapi.json`.
///
/// Written by hand rather than generated: the API is small, and a generator would add a build plugin
/// that costs minutes on every clean build. `APITests` checks that every path here answers.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Oversight API",
            "version": "1",
            "description": "Measures, their explanations and children's records for one local authority's children's social care. Every child-level response is limited to the caller's record scope and written to the access log."
          },
          "components": {
            "securitySchemes": {
              "token": {"type": "http", "scheme": "bearer", "description": "A per-user token from `oversight user token USERNAME`."},
              "session": {"type": "apiKey", "in": "cookie", "name": "oversight_session"}
            },
            "parameters": {
              "period": {"name": "period", "in": "query", "required": false, "schema": {"type": "string"}, "description": "2024-25, 2024-Q3, 2024-11, rolling12:2025-03-31 or asat:2025-03-31; default: the 12 months to the end of the last complete month of data."},
              "measureID": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "A measure ID such as CIN-06."}
            },
            "schemas": {
              "Comparator": {"type": "object", "properties": {"area": {"type": "string", "enum": ["england", "buckinghamshire", "statisticalNeighbours"]}, "year": {"type": "integer"}, "value": {"type": ["number", "null"]}}},
              "MeasureResult": {
                "type": "object",
                "required": ["id", "title", "unit", "period", "slice", "polarity", "comparators"],
                "properties": {
                  "id": {"type": "string"}, "title": {"type": "string"},
                  "unit": {"type": "string", "enum": ["percentage", "ratePer10000", "meanDays", "average", "count"]},
                  "period": {"type": "string"}, "slice": {"type": "string"},
                  "value": {"type": ["number", "null"]}, "numerator": {"type": ["number", "null"]}, "denominator": {"type": ["number", "null"]},
                  "polarity": {"type": "string", "enum": ["higherIsBetter", "lowerIsBetter", "neither"]},
                  "comparators": {"type": "array", "items": {"$ref": "#/components/schemas/Comparator"}},
                  "note": {"type": ["string", "null"]}
                }
              },
              "ExplanationRow": {
                "type": "object",
                "required": ["childID", "inNumerator", "reason"],
                "properties": {
                  "childID": {"type": "string"}, "recordID": {"type": ["string", "null"]}, "inNumerator": {"type": "boolean"},
                  "fromLabel": {"type": ["string", "null"]}, "from": {"type": ["string", "null"], "format": "date"},
                  "toLabel": {"type": ["string", "null"]}, "to": {"type": ["string", "null"], "format": "date"},
                  "workingDays": {"type": ["integer", "null"]}, "days": {"type": ["integer", "null"]}, "value": {"type": ["number", "null"]},
                  "reason": {"type": "string"}
                }
              },
              "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {"message": {"type": "string"}}}}}
            }
          },
          "security": [{"token": []}, {"session": []}],
          "paths": {
            "/api/measures": {
              "get": {
                "summary": "Every measure for a period",
                "parameters": [{"$ref": "#/components/parameters/period"}],
                "responses": {
                  "200": {"description": "The measures", "content": {"application/json": {"schema": {"type": "object", "properties": {"period": {"type": "string"}, "measures": {"type": "array", "items": {"$ref": "#/components/schemas/MeasureResult"}}}}}}},
                  "400": {"description": "The period is not readable", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                  "401": {"description": "No session or token"}
                }
              }
            },
            "/api/measures/{id}": {
              "get": {
                "summary": "One measure with its 24-month trend",
                "parameters": [{"$ref": "#/components/parameters/measureID"}, {"$ref": "#/components/parameters/period"}],
                "responses": {
                  "200": {"description": "The measure", "content": {"application/json": {"schema": {"type": "object", "properties": {"result": {"$ref": "#/components/schemas/MeasureResult"}, "trend": {"type": "array", "items": {"type": "object"}}}}}}},
                  "401": {"description": "No session or token"},
                  "404": {"description": "No such measure"}
                }
              }
            },
            "/api/measures/{id}/children": {
              "get": {
                "summary": "The child-level rows behind a measure, limited to the caller's record scope (logged)",
                "parameters": [
                  {"$ref": "#/components/parameters/measureID"}, {"$ref": "#/components/parameters/period"},
                  {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                  {"name": "pageSize", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}
                ],
                "responses": {
                  "200": {"description": "Rows", "content": {"application/json": {"schema": {"type": "object", "properties": {"measure": {"type": "string"}, "period": {"type": "string"}, "page": {"type": "integer"}, "pageSize": {"type": "integer"}, "rowsInScope": {"type": "integer"}, "rowsInDenominator": {"type": "integer"}, "rows": {"type": "array", "items": {"$ref": "#/components/schemas/ExplanationRow"}}}}}}},
                  "401": {"description": "No session or token"},
                  "403": {"description": "The role sees aggregates only"},
                  "404": {"description": "No such measure"}
                }
              }
            },
            "/api/children/{id}": {
              "get": {
                "summary": "A child's record and chronology (logged)",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {
                  "200": {"description": "The child and their chronology", "content": {"application/json": {"schema": {"type": "object"}}}},
                  "401": {"description": "No session or token"},
                  "403": {"description": "Outside the caller's record scope, or restricted"},
                  "404": {"description": "No such child"}
                }
              }
            },
            "/api/stats": {
              "get": {
                "summary": "Records held, by entity, and the latest import",
                "responses": {"200": {"description": "Counts", "content": {"application/json": {"schema": {"type": "object"}}}}, "401": {"description": "No session or token"}}
              }
            }
          }
        }
        """#
}
