package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// errNoSuchPage answers ids that are not numbers like any unknown id.
var errNoSuchPage = fiber.NewError(fiber.StatusNotFound, "This page does not exist.")

// paramID parses a positive numeric route parameter.
func paramID(c *fiber.Ctx, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNoSuchPage
	}
	return id, nil
}
