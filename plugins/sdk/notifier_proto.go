package sdk

import (
	"time"

	"github.com/portico-hub/portico/plugins/sdk/gen/pluginv1"
)

func messageFromProto(p *pluginv1.SendRequest) Message {
	return Message{Key: p.GetMessageId(), AddressKind: p.GetAddressKind(), Address: p.GetRecipient(),
		Text: p.GetText(), Link: p.GetLink(), Locale: p.GetLocale()}
}

func receiptToProto(r Receipt) *pluginv1.SendResponse {
	return &pluginv1.SendResponse{Status: pluginv1.SendResponse_STATUS_ACCEPTED, ProviderId: r.ProviderID,
		Duplicate: r.Duplicate, Segments: uint32(r.Segments)}
}

var deliveryToProto = map[DeliveryStatus]pluginv1.DeliveryReport_Status{
	Delivered: pluginv1.DeliveryReport_STATUS_DELIVERED,
	Failed:    pluginv1.DeliveryReport_STATUS_FAILED,
	Pending:   pluginv1.DeliveryReport_STATUS_PENDING,
}

// DeliveryReportToProto converts a report to its wire form.
func DeliveryReportToProto(r DeliveryReport) *pluginv1.DeliveryReport {
	return &pluginv1.DeliveryReport{MessageId: r.Key, ProviderId: r.ProviderID, Status: deliveryToProto[r.Status],
		Detail: r.Detail, AtUnixMs: r.At.UnixMilli()}
}

// DeliveryReportFromProto converts a wire report.
func DeliveryReportFromProto(p *pluginv1.DeliveryReport) DeliveryReport {
	r := DeliveryReport{Key: p.GetMessageId(), ProviderID: p.GetProviderId(), Detail: p.GetDetail(),
		At: time.UnixMilli(p.GetAtUnixMs())}
	for s, w := range deliveryToProto {
		if w == p.GetStatus() {
			r.Status = s
		}
	}
	return r
}

// NotifierInfoToProto converts a notifier's declaration; nil stays nil.
func NotifierInfoToProto(n *NotifierInfo) *pluginv1.NotifierInfo {
	if n == nil {
		return nil
	}
	l := n.Limits
	return &pluginv1.NotifierInfo{AddressKinds: n.AddressKinds, Limits: &pluginv1.MessageLimits{
		MaxChars: uint32(l.MaxChars), MaxSegments: uint32(l.MaxSegments), SegmentChars: uint32(l.SegmentChars),
		MultipartSegmentChars: uint32(l.MultipartSegmentChars), Encoding: l.Encoding,
		UnicodeSegmentChars: uint32(l.UnicodeSegmentChars), UnicodeMultipartSegmentChars: uint32(l.UnicodeMultipartSegmentChars)}}
}

// NotifierInfoFromProto converts a wire declaration; nil stays nil.
func NotifierInfoFromProto(p *pluginv1.NotifierInfo) *NotifierInfo {
	if p == nil {
		return nil
	}
	l := p.GetLimits()
	return &NotifierInfo{AddressKinds: p.GetAddressKinds(), Limits: MessageLimits{
		MaxChars: int(l.GetMaxChars()), MaxSegments: int(l.GetMaxSegments()), SegmentChars: int(l.GetSegmentChars()),
		MultipartSegmentChars: int(l.GetMultipartSegmentChars()), Encoding: l.GetEncoding(),
		UnicodeSegmentChars: int(l.GetUnicodeSegmentChars()), UnicodeMultipartSegmentChars: int(l.GetUnicodeMultipartSegmentChars())}}
}
