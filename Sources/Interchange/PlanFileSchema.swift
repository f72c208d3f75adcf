/// The structure of a plan file as a JSON Schema, checked before a plan is decoded so that a
/// misspelt field (`sectons`) or a value of the wrong kind is an error naming its path and
/// line, never a field silently left out.
enum PlanFileSchema {
    static let text = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["formatVersion", "school", "seed", "createdBy", "status", "placements"],
          "properties": {
            "formatVersion": {"type": "integer"},
            "school": {
              "type": "object", "additionalProperties": false, "required": ["path", "sha256"],
              "properties": {
                "path": {"type": "string"}, "sha256": {"type": "string"},
                "ignoreUnsupported": {"type": "boolean"}
              }
            },
            "scenario": {"type": "string"},
            "seed": {"type": "integer"},
            "createdBy": {"type": "string"},
            "status": {"type": "string"},
            "objective": {"type": "number"},
            "bound": {"type": "number"},
            "placements": {
              "type": "array",
              "items": {
                "type": "object", "additionalProperties": false, "required": ["activity", "day", "period"],
                "properties": {
                  "activity": {"type": "string"}, "day": {"type": "string"}, "period": {"type": "string"},
                  "room": {"type": "string"}
                }
              }
            },
            "teams": {
              "type": "array",
              "items": {
                "type": "object", "additionalProperties": false,
                "required": ["id", "requiredMinutes", "achievedMinutes", "blocks"],
                "properties": {
                  "id": {"type": "string"}, "requiredMinutes": {"type": "integer"},
                  "achievedMinutes": {"type": "integer"},
                  "blocks": {
                    "type": "array",
                    "items": {
                      "type": "object", "additionalProperties": false, "required": ["day", "periods", "minutes"],
                      "properties": {
                        "day": {"type": "string"}, "periods": {"type": "array", "items": {"type": "string"}},
                        "minutes": {"type": "integer"}, "meeting": {"type": "boolean"}
                      }
                    }
                  }
                }
              }
            },
            "planning": {
              "type": "array",
              "items": {
                "type": "object", "additionalProperties": false, "required": ["teacher", "requiredMinutes", "minutes"],
                "properties": {
                  "teacher": {"type": "string"}, "requiredMinutes": {"type": "integer"}, "minutes": {"type": "integer"}
                }
              }
            },
            "scores": {"type": "object", "additionalProperties": {"type": "number"}},
            "sections": {
              "type": "array",
              "items": {
                "type": "object", "additionalProperties": false, "required": ["student", "course", "section"],
                "properties": {
                  "student": {"type": "string"}, "course": {"type": "string"}, "section": {"type": "string"}
                }
              }
            },
            "flex": {"$ref": "#/$defs/flexWeek"}
          },
          "$defs": {
            "source": {
              "type": "object", "additionalProperties": false, "required": ["path", "sha256"],
              "properties": {"path": {"type": "string"}, "sha256": {"type": "string"}}
            },
            "flexWeek": {
              "type": "object", "additionalProperties": false,
              "required": ["week", "periods", "stabilityWeight", "fairnessWeight", "assignments", "fairness"],
              "properties": {
                "week": {"type": "integer"},
                "periods": {
                  "type": "array",
                  "items": {
                    "type": "object", "additionalProperties": false, "required": ["day", "period"],
                    "properties": {"day": {"type": "string"}, "period": {"type": "string"}, "date": {"type": "string"}}
                  }
                },
                "requests": {"$ref": "#/$defs/source"},
                "previous": {"$ref": "#/$defs/source"},
                "stabilityWeight": {"type": "number"},
                "fairnessWeight": {"type": "number"},
                "assignments": {
                  "type": "array",
                  "items": {
                    "type": "object", "additionalProperties": false, "required": ["student", "day", "period", "reason"],
                    "properties": {
                      "student": {"type": "string"}, "day": {"type": "string"}, "period": {"type": "string"},
                      "date": {"type": "string"}, "session": {"type": "string"},
                      "reason": {"enum": ["hardRequest", "request", "choice", "profile", "catchAll"]},
                      "rank": {"type": "integer"}, "teacher": {"type": "string"}, "priority": {"type": "integer"},
                      "kept": {"type": "boolean"}, "full": {"type": "array", "items": {"type": "string"}}
                    }
                  }
                },
                "fairness": {"type": "object", "additionalProperties": {"type": "number"}}
              }
            }
          }
        }
        """#
}
