//! Biểu mẫu 6: Cải cách tài chính công.

use crate::unit::{Count, MillionVnd, Percent, ServiceUnit};

use crate::form::form_table;

form_table! {
    /// Form 6 (Biểu mẫu 6), *Cải cách tài chính công*: public-finance reform,
    /// disbursement of public investment and the financial autonomy of public
    /// service units (Decree 60/2021/NĐ-CP).
    form 6 Form6 "form6" {
        title: "Cải cách tài chính công", "Public-finance reform";
        rows {
            /// Disbursed (1.2, to the reporting date) over the year's plan (1.1): cumulative
            /// within the year.
            "1" disbursement_rate: Percent { CumulativeInYear, Recompute }
                => "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công",
                   "Disbursement of the public-investment plan";
            /// The disbursement plan assigned for the year; often revised during the year.
            "1.1" investment_plan: MillionVnd { Plan, Sum }
                => "Kế hoạch được giao", "Public-investment capital planned";
            /// Disbursed "ước đến 30/9" in the sample's Q3 report: from the start of the year
            /// to the date, so cumulative within the year in fact, though no Lũy kế is printed.
            "1.2" investment_disbursed: MillionVnd { CumulativeInYear, Sum }
                => "Đã thực hiện", "Public-investment capital disbursed";
            /// A stock at the reporting date although the heading prints "lũy kế đến thời điểm
            /// báo cáo": it means "as at the date", and units merge, dissolve and change
            /// autonomy group, so the count goes down too.
            "2.1" service_units: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Tổng số ĐVSN công lập tại địa phương", "Public service units in the locality";
            /// A stock at the reporting date, like 2.1 (the heading's "lũy kế" means "as at the
            /// date").
            "2.2" units_financing_recurrent_and_investment: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư",
                   "Units financing their own recurrent and investment spending";
            /// A stock at the reporting date, like 2.1 (the heading's "lũy kế" means "as at the
            /// date").
            "2.3" units_financing_recurrent: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Số ĐVSN tự bảo đảm chi thường xuyên", "Units financing their own recurrent spending";
            /// A stock at the reporting date, like 2.1 (the heading's "lũy kế" means "as at the
            /// date").
            "2.4" units_financing_part_of_recurrent: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Số ĐVSN tự bảo đảm một phần chi thường xuyên",
                   "Units financing part of their recurrent spending";
            /// A stock at the reporting date, like 2.1 (the heading's "lũy kế" means "as at the
            /// date").
            "2.4.1" units_financing_70_to_100_percent: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên",
                   "Units financing 70% to under 100% of their recurrent spending";
            /// A stock at the reporting date, like 2.1 (the heading's "lũy kế" means "as at the
            /// date").
            "2.4.2" units_financing_30_to_70_percent: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên",
                   "Units financing 30% to under 70% of their recurrent spending";
            /// A stock at the reporting date, like 2.1 (the heading's "lũy kế" means "as at the
            /// date").
            "2.4.3" units_financing_10_to_30_percent: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên",
                   "Units financing 10% to under 30% of their recurrent spending";
            /// A stock at the reporting date, like 2.1 (the heading's "lũy kế" means "as at the
            /// date").
            "2.5" units_state_financed: Count<ServiceUnit> [cumulative] { Stock, Sum }
                => "Số ĐVSN do Nhà nước bảo đảm chi thường xuyên", "Units whose recurrent spending the state finances";
            /// Units converted into joint-stock companies since the start ("lũy kế đến thời
            /// điểm báo cáo", across years): a converted unit stays converted.
            "2.6" units_equitised: Count<ServiceUnit> [cumulative] { CumulativeSinceStart, Sum }
                => "Số lượng ĐVSN đã chuyển đổi thành công ty cổ phần (lũy kế đến thời điểm báo cáo)",
                   "Units converted into joint-stock companies";
        }
        headings {
            "2" [cumulative] => "Thực hiện tự chủ tài chính của đơn vị sự nghiệp (ĐVSN) tại địa phương (lũy kế đến thời điểm báo cáo)",
                   "Financial autonomy of public service units";
        }
    }
}
